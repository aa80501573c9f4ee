namespace Scoring.Rules.Versions;

/// <summary>What every result carries: the rule set's id, semantic version and the SHA-256 (hex) of its canonical JSON.</summary>
public sealed record RuleSetIdentity(string Id, string Version, string Sha256)
{
    public override string ToString() => $"{Id}@{Version} ({Sha256[..12]})";
}
