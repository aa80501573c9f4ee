using System.Collections.Immutable;

namespace Scoring.Host.DataFolder;

/// <summary>A cluster (cụm) or bloc (khối) of one year, with its members in file order.</summary>
internal sealed record GroupInfo(string Code, string Name, string Kind, ImmutableArray<GroupMemberRow> Members);
