namespace Scoring.Rules.Validation;

/// <summary>
/// Stable diagnostic codes. RS00xx: the file as JSON; RS01xx: shape (properties, types, formats);
/// RS02xx: identifiers; RS03xx: expressions; RS04xx: sections and totals; RS05xx: criterion methods;
/// RS06xx: grades; RS07xx: tie-breakers; RS08xx: awards; RS09xx: test cases; RS10xx: indicators and header;
/// RS11xx: catalog (several files). Documented in docs/rule-sets.md.
/// </summary>
public static class DiagnosticCodes
{
    public const string InvalidJson = "RS0001";
    public const string DuplicateJsonProperty = "RS0002";
    public const string FileUnreadable = "RS0003";
    public const string RootNotObject = "RS0004";
    public const string FileTooLarge = "RS0005";
    public const string NotUtf8 = "RS0006";
    public const string NestedTooDeep = "RS0007";

    public const string UnknownProperty = "RS0101";
    public const string WrongType = "RS0102";
    public const string MissingProperty = "RS0103";
    public const string InvalidEnumValue = "RS0104";
    public const string InvalidFormat = "RS0105";
    public const string UnsupportedFormat = "RS0106";
    public const string OutOfRange = "RS0107";
    public const string PropertyNotForMethod = "RS0108";

    public const string DuplicateId = "RS0201";

    public const string ExpressionInvalid = "RS0301";
    public const string UnknownIdentifier = "RS0302";
    public const string DateInExpression = "RS0303";
    public const string DeadlineNotDate = "RS0304";
    public const string ExpressionWrongKind = "RS0305";

    public const string SectionSumMismatch = "RS0401";
    public const string AdjustmentCap = "RS0402";
    public const string TotalLimits = "RS0403";
    public const string CriterionMaxPoints = "RS0404";

    public const string BandsCatchAllMissing = "RS0501";
    public const string BandsAfterCatchAll = "RS0502";
    public const string BandsRowCovered = "RS0503";
    public const string BandsOverlap = "RS0504";
    public const string BandsGap = "RS0505";
    public const string BandsEmptyRow = "RS0506";
    public const string BandsPoints = "RS0507";
    public const string BandsConflictingBounds = "RS0508";
    public const string TargetNotPositive = "RS0511";
    public const string RankPoints = "RS0512";
    public const string CountPointsEach = "RS0513";
    public const string DeadlineSettings = "RS0514";
    public const string CheckPoints = "RS0515";

    public const string GradesMissing = "RS0601";
    public const string GradesCatchAll = "RS0602";
    public const string GradesOrder = "RS0603";

    public const string TieBreakerRef = "RS0701";

    public const string AwardPrecedence = "RS0801";
    public const string AwardGrade = "RS0802";
    public const string AwardPrerequisite = "RS0803";
    public const string AwardShareOf = "RS0804";
    public const string AwardMaxShare = "RS0805";
    public const string AwardYears = "RS0806";
    public const string AwardQuota = "RS0807";

    public const string TestUnknownReference = "RS0901";
    public const string TestValueType = "RS0902";
    public const string TestValueRange = "RS0903";
    public const string TestYear = "RS0904";
    public const string TestGrade = "RS0905";
    public const string TestPeer = "RS0906";

    public const string IndicatorRange = "RS1001";
    public const string IndicatorDefault = "RS1002";
    public const string YearRange = "RS1003";
    public const string UnitKindsEmpty = "RS1004";
    public const string IndicatorUnused = "RS1005";

    public const string PublishedVersionChanged = "RS1101";
    public const string DuplicateFile = "RS1102";

    public const string PhaseYears = "RS1201";
    public const string PhaseMeasure = "RS1202";
    public const string PhaseRankBy = "RS1203";
    public const string PhaseAward = "RS1204";
}
