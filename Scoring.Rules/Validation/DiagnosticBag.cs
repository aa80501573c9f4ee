using System.Collections.Immutable;
using Scoring.Rules.Loading;

namespace Scoring.Rules.Validation;

/// <summary>Collects diagnostics for one file, positioning each through the source map.</summary>
internal sealed class DiagnosticBag(string file, JsonSourceMap map)
{
    private readonly List<Diagnostic> items = [];

    public string File => file;

    public JsonSourceMap Map => map;

    public bool HasErrors => items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Error(string code, string path, string message, string fix) =>
        Add(code, DiagnosticSeverity.Error, path, map.Locate(path), message, fix);

    public void Warning(string code, string path, string message, string fix) =>
        Add(code, DiagnosticSeverity.Warning, path, map.Locate(path), message, fix);

    /// <summary>An error pointing at a property's name rather than its value (unknown properties).</summary>
    public void ErrorAtName(string code, string path, string message, string fix) =>
        Add(code, DiagnosticSeverity.Error, path, map.LocateName(path), message, fix);

    public void Add(string code, DiagnosticSeverity severity, string path, SourcePosition at, string message, string fix) =>
        items.Add(new Diagnostic(code, severity, file, at.Line, at.Column, path, message, fix));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    /// <summary>The diagnostics in file order (line, column), errors before warnings at the same place.</summary>
    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. items.Select((d, i) => (d, i))
            .OrderBy(x => x.d.Line).ThenBy(x => x.d.Column).ThenBy(x => x.i)
            .Select(x => x.d)];
}
