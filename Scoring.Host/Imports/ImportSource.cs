namespace Scoring.Host.Imports;

/// <summary>Authorities whose published figures override self-reported values.</summary>
internal enum ImportSource
{
    /// <summary>Published DTI (chỉ số chuyển đổi số).</summary>
    Dti,

    /// <summary>The public-service portal's 766 scores.</summary>
    Pas766,

    /// <summary>The digital-literacy platform's counts (Bình dân học vụ số).</summary>
    DigitalLiteracy,
}
