namespace Scoring.Host.DataFolder;

/// <summary>A syntax error in a CSV file (an unterminated quote, text after a closing quote).</summary>
internal sealed record CsvError(int Line, string Message);
