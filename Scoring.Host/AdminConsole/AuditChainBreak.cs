namespace Scoring.Host.AdminConsole;

/// <summary>A chain of the audit log that breaks: its entity, key and hashed state, its length, and the first entry whose before hash is not the previous after hash.</summary>
internal sealed record AuditChainBreak(string Entity, string Key, string Kind, int Entries, long At);
