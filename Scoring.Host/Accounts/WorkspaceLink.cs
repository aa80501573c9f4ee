namespace Scoring.Host.Accounts;

/// <summary>A link on the workspace home page.</summary>
public sealed record WorkspaceLink(string Href, string Text);
