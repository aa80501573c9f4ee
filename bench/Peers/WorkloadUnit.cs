namespace Scoring.Bench.Peers;

/// <summary>
/// One unit of the workload as the peers (Microsoft RulesEngine, NRules) read it: the 39 indicators as typed properties
/// named as in criteria.json (booleans as bool), and the unit's 60 criterion points once scored.
/// Generated once from bench/workload/criteria.json and kept as plain code, like the hand-written baselines.
/// </summary>
public sealed class WorkloadUnit
{
    public const int Criteria = 60;

    public double dtiScore { get; set; }
    public double onlineServiceRate { get; set; }
    public double onlineApplicationRate { get; set; }
    public double onlinePaymentRate { get; set; }
    public double digitisedRecordsRate { get; set; }
    public double internetCoverageRate { get; set; }
    public double smartphoneRate { get; set; }
    public double cashlessTxnRate { get; set; }
    public double citizenSatisfaction { get; set; }
    public double avgProcessingDays { get; set; }
    public double population { get; set; }
    public double staffCount { get; set; }
    public double staffTrained { get; set; }
    public double eSignedStaff { get; set; }
    public double residentsTrained { get; set; }
    public double initiativesCount { get; set; }
    public double incidentsCount { get; set; }
    public double budgetAllocated { get; set; }
    public double budgetSpent { get; set; }
    public double totalDossiers { get; set; }
    public double onTimeDossiers { get; set; }
    public double openDatasets { get; set; }
    public double trainingSessions { get; set; }
    public double cameraCount { get; set; }
    public bool hasDataStrategy { get; set; }
    public bool hasCyberDrill { get; set; }
    public bool hasDigitalBoard { get; set; }
    public bool hasPublicPortal { get; set; }
    public bool hasCommunityTechTeam { get; set; }
    public bool hasOpenDataPolicy { get; set; }
    public bool hasSecurityOfficer { get; set; }
    public bool usesSharedPlatform { get; set; }
    public bool hasBackupSystem { get; set; }
    public bool hasAccessibilityAudit { get; set; }
    public double planIssuedDay { get; set; }
    public double reportSubmittedDay { get; set; }
    public double selfAssessmentDay { get; set; }
    public double budgetReportDay { get; set; }
    public double securityReviewDay { get; set; }

    /// <summary>The points of the 60 criteria, in criteria.json order (written by the NRules actions).</summary>
    public double[] Points { get; } = new double[Criteria];

    /// <summary>The units of a data set (rows of 39 doubles in criteria.json order, booleans 1/0).</summary>
    public static WorkloadUnit[] From(double[] v, int unitCount)
    {
        var units = new WorkloadUnit[unitCount];
        for (var u = 0; u < unitCount; u++)
        {
            units[u] = Create(v, u * 39);
        }
        return units;
    }

    private static WorkloadUnit Create(double[] v, int o) => new()
    {
        dtiScore = v[o + 0],
        onlineServiceRate = v[o + 1],
        onlineApplicationRate = v[o + 2],
        onlinePaymentRate = v[o + 3],
        digitisedRecordsRate = v[o + 4],
        internetCoverageRate = v[o + 5],
        smartphoneRate = v[o + 6],
        cashlessTxnRate = v[o + 7],
        citizenSatisfaction = v[o + 8],
        avgProcessingDays = v[o + 9],
        population = v[o + 10],
        staffCount = v[o + 11],
        staffTrained = v[o + 12],
        eSignedStaff = v[o + 13],
        residentsTrained = v[o + 14],
        initiativesCount = v[o + 15],
        incidentsCount = v[o + 16],
        budgetAllocated = v[o + 17],
        budgetSpent = v[o + 18],
        totalDossiers = v[o + 19],
        onTimeDossiers = v[o + 20],
        openDatasets = v[o + 21],
        trainingSessions = v[o + 22],
        cameraCount = v[o + 23],
        hasDataStrategy = v[o + 24] != 0.0,
        hasCyberDrill = v[o + 25] != 0.0,
        hasDigitalBoard = v[o + 26] != 0.0,
        hasPublicPortal = v[o + 27] != 0.0,
        hasCommunityTechTeam = v[o + 28] != 0.0,
        hasOpenDataPolicy = v[o + 29] != 0.0,
        hasSecurityOfficer = v[o + 30] != 0.0,
        usesSharedPlatform = v[o + 31] != 0.0,
        hasBackupSystem = v[o + 32] != 0.0,
        hasAccessibilityAudit = v[o + 33] != 0.0,
        planIssuedDay = v[o + 34],
        reportSubmittedDay = v[o + 35],
        selfAssessmentDay = v[o + 36],
        budgetReportDay = v[o + 37],
        securityReviewDay = v[o + 38],
    };
}
