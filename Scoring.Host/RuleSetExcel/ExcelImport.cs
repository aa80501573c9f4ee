using System.Collections.Immutable;

namespace Scoring.Host.RuleSetExcel;

/// <summary>What an Excel import made: the draft rule set's JSON and the rows it could not read.</summary>
internal sealed record ExcelImport(string Json, ImmutableArray<UnreadRow> Unread, int Sections, int Criteria);
