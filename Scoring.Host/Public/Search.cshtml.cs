
namespace Scoring.Host.Public;

internal sealed class SearchModel(PublicResults results) : PublicPageModel
{
    public string? Query { get; private set; }

    public IReadOnlyList<UnitMatch> Matches { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim();
        if (Query is { Length: > 0 })
        {
            Matches = await results.SearchAsync(Query, ct);
        }
    }
}
