namespace Scoring.Host.Imports;

/// <summary>A quoting problem in a CSV text (an unterminated quote, text after a closing quote, a stray quote), at the line where its record starts.</summary>
internal sealed record CsvError(int Line, string Message);
