namespace Scoring.Host.Sensitivity;

/// <summary>
/// The analysis form as typed (text, so a value that does not read is shown back with its message): ±spread, samples,
/// seed, and which field the problem is in.
/// </summary>
internal sealed record SensitivityForm(string Spread, string Samples, string Seed, string? ErrorField = null, string? Error = null)
{
    /// <summary>The defaults, written as a Vietnamese reader writes numbers ("10", "1.000").</summary>
    public static readonly SensitivityForm Default = Of(SensitivityParameters.Default);

    public static SensitivityForm Of(SensitivityParameters parameters) =>
        new(Scoring.Engine.Text.VnFormat.Number(parameters.SpreadPercent), Scoring.Engine.Text.VnFormat.Integer(parameters.Samples),
            parameters.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The parameters the form asks for, or the form with its problem beside the field.</summary>
    public (SensitivityParameters? Parameters, SensitivityForm Form) Read()
    {
        var (parameters, field, problem) = SensitivityParameters.Parse(Spread, Samples, Seed, SensitivityFieldNames.Form);
        return (parameters, this with { ErrorField = field, Error = problem });
    }
}
