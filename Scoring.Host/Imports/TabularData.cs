namespace Scoring.Host.Imports;

/// <summary>A table read from a CSV or .xlsx upload: the header row and the data rows.</summary>
internal sealed record TabularData(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows)
{
    public int IndexOf(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Trim(), header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
