namespace Scoring.Host.Sensitivity;

/// <summary>How a problem with an analysis' parameters names them: by the API's query names, or by the form's labels.</summary>
internal sealed record SensitivityFieldNames(string Spread, string Samples, string Seed)
{
    public static readonly SensitivityFieldNames Query = new("Biên độ dao động (spread)", "Số lần lấy mẫu (samples)", "Hạt giống (seed)");

    public static readonly SensitivityFieldNames Form = new("Biên độ thay đổi", "Số lần thử", "Hạt giống ngẫu nhiên");
}
