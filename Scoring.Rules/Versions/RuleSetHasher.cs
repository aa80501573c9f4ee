using System.Security.Cryptography;
using System.Text;

namespace Scoring.Rules.Versions;

/// <summary>The content hash of a rule set: SHA-256 over the UTF-8 bytes of its canonical JSON, as lowercase hex.</summary>
public static class RuleSetHasher
{
    public static string Sha256(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}
