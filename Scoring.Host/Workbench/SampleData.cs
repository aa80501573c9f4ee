namespace Scoring.Host.Workbench;

/// <summary>
/// A tenant's folder of the host's samples read through the command line's data-folder reader: its dataset, or why there
/// is none (no samples folder, no folder of the tenant, errors in the files).
/// </summary>
internal sealed record SampleData(string? Folder, TenantDataset? Dataset, string? Problem)
{
    public IReadOnlyList<int> Years => Dataset is { } data ? data.Years.Where(y => !y.Value.Groups.IsEmpty).Select(y => y.Key).OrderDescending().ToList() : [];
}
