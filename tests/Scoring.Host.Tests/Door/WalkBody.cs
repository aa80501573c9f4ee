namespace Scoring.Host.Tests.Door;

/// <summary>What an endpoint's well-formed body looks like: none, a JSON text, or a file upload (its name and bytes).</summary>
internal sealed record WalkBody(WalkBodyKind Kind, string Json = "{}", string FileName = "tep.csv", byte[]? File = null)
{
    public static readonly WalkBody None = new(WalkBodyKind.None);
}

internal enum WalkBodyKind
{
    None,
    Json,
    Upload,
}
