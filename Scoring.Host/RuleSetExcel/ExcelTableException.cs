namespace Scoring.Host.RuleSetExcel;

/// <summary>An uploaded workbook that cannot be read as a scoring table at all (the message says why and how to fix it).</summary>
internal sealed class ExcelTableException(string message) : Exception(message);
