namespace Scoring.Host.Submissions;

internal sealed class FileTooLargeException(long size, long limit)
    : Exception($"Tệp {size:N0} byte vượt giới hạn {limit:N0} byte.");
