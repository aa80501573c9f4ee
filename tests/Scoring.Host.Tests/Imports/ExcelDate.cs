namespace Scoring.Host.Tests.Imports;

/// <summary>A date cell as a spreadsheet program stores it: a serial number of days shown through a date style.</summary>
internal sealed record ExcelDate(double Serial, uint Style = ExcelWorkbook.BuiltInDateStyle);
