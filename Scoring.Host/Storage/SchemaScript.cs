using System.Globalization;
using System.Reflection;

namespace Scoring.Host.Storage;

/// <summary>One versioned schema script, e.g. <c>0002_submissions.sql</c> → version 2, name "submissions".</summary>
internal sealed record SchemaScript(int Version, string Name, string Sql)
{
    public static SchemaScript Read(Assembly assembly, string resourceName)
    {
        var file = resourceName[(resourceName.LastIndexOf('/') + 1)..^".sql".Length];
        var underscore = file.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(file[..underscore], CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded schema script {resourceName}.");
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, file[(underscore + 1)..], reader.ReadToEnd());
    }
}
