namespace Scoring.Host.AdminConsole;

/// <summary>What a file uploaded in the console holds; the three authoritative sources are imported per year, like groups.</summary>
internal enum ImportKind
{
    Units,
    Groups,
    Dti,
    Pas766,
    DigitalLiteracy,
}
