using Scoring.Rules.Model;

namespace Scoring.Engine.Awards;

/// <summary>The quota arithmetic shared by yearly and phase awards (shares are floored).</summary>
internal static class QuotaLimits
{
    /// <summary>At most PerGroup, and MaxShare of the group's ranked units when ShareOf is "group" or absent.</summary>
    public static int? Group(AwardQuota quota, int groupSize)
    {
        int? limit = quota.PerGroup;
        if (quota.MaxShare is { } share && (quota.ShareOf is null || quota.ShareOf == "group"))
        {
            var byShare = (int)Math.Floor(share * groupSize);
            limit = limit is { } l ? Math.Min(l, byShare) : byShare;
        }
        return limit;
    }

    /// <summary>At most PerTenant, and MaxShare of <paramref name="qualifyingForBase"/> (the units qualifying for the award ShareOf names).</summary>
    public static int? Tenant(AwardQuota quota, Func<string, int> qualifyingForBase)
    {
        int? limit = quota.PerTenant;
        if (quota.MaxShare is { } share && quota.ShareOf is { } of && of != "group")
        {
            var byShare = (int)Math.Floor(share * qualifyingForBase(of));
            limit = limit is { } l ? Math.Min(l, byShare) : byShare;
        }
        return limit;
    }
}
