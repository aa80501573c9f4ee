using Scoring.Rules.Validation;

namespace Scoring.Host.Workbench;

/// <summary>What the editor's block partial renders: the block, where each diagnostic goes, and the heading level.</summary>
internal sealed record BlockView(EditorBlock Block, IReadOnlyDictionary<string, IReadOnlyList<Diagnostic>> Placed, int Level)
{
    public IReadOnlyList<Diagnostic> At(string path) => Placed.TryGetValue(path, out var list) ? list : [];
}
