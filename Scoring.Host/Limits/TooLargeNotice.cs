namespace Scoring.Host.Limits;

/// <summary>What the page's 413 says: the form's address, its limit and what was received when the length was declared.</summary>
internal sealed record TooLargeNotice(string Method, string Path, BodyLimit Limit, long? Received);
