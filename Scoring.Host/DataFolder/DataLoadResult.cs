using System.Collections.Immutable;

namespace Scoring.Host.DataFolder;

/// <summary>The outcome of reading a data folder: the dataset when there is no error, every error and every warning.</summary>
internal sealed record DataLoadResult(TenantDataset? Dataset, ImmutableArray<DataError> Errors, ImmutableArray<DataError> Warnings)
{
    public bool Succeeded => Dataset is not null && Errors.IsEmpty;
}
