namespace Scoring.Rules.Model;

/// <summary>Where an indicator value comes from.</summary>
public enum IndicatorSource
{
    /// <summary>Reported by the unit itself, usually with evidence (minh chứng).</summary>
    SelfReported,
    /// <summary>Imported from an authority (published DTI, the 766 portal, the digital-literacy platform).</summary>
    Imported,
}
