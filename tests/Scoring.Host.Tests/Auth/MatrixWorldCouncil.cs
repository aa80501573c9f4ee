using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Auth;

/// <summary>The council's resources for the matrix: a proposal on a run of its own, as far along as a case needs.</summary>
internal sealed partial class MatrixWorld
{
    /// <summary>
    /// A fresh completed run of son-la with one award proposal (xa-a's Giấy khen, written as the run writes its award list),
    /// optionally appraised and the run published (son-la's movement has no council step, so it publishes as it is).
    /// </summary>
    public async Task<MatrixRequest> FreshProposalAsync(bool appraised, bool published, HttpContent body)
    {
        var run = await FreshCompletedRunAsync();
        var proposal = await Host.WithDbAsync(async db =>
        {
            var entry = new AwardEntry
            {
                RunId = run, Award = "giay-khen", AwardTitle = "Giấy khen", UnitCode = "xa-a", UnitName = "Xã Chiềng Cơi", GroupCode = "cum-1",
                Rank = 1, Total = 90m, Reason = "Đủ điều kiện",
            };
            db.AwardEntries.Add(entry);
            await db.SaveChangesAsync();
            if (appraised)
            {
                db.AwardAppraisals.Add(new AwardAppraisal
                {
                    RunId = run, AwardEntryId = entry.Id, Confirmed = true, Reason = "Đúng", AppraisedBy = "matrix", AppraisedAt = Host.Clock.Now,
                });
                await db.SaveChangesAsync();
            }

            return entry.Id;
        });
        if (published)
        {
            using var admin = Client("administrator");
            await TestData.Ensure(await admin.PostAsync($"/api/runs/{run}/publish", null));
        }

        return new MatrixRequest(Values(("id", run), ("proposal", proposal)), () => body);
    }
}
