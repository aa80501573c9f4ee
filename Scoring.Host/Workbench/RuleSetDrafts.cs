using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NodaTime;
using Scoring.Rules.Loading;
using Scoring.Rules.Versions;

namespace Scoring.Host.Workbench;

/// <summary>
/// The store of draft rule-set versions: created as a new version of a published one, or from an importer's JSON; saved
/// (valid or not: validation is shown, never a reason to lose work); published through the API's own
/// <see cref="RuleSetPublication"/>. Every write is audited in the same transaction. Only rule maintainers of the draft's
/// tenant and administrators act on a draft.
/// </summary>
internal sealed partial class RuleSetDrafts(ScoringDbContext db, AuditTrail audit, IClock clock, RuleSetPublication publication)
{
    /// <summary>The origin of a draft copied from another version.</summary>
    public const string FromVersion = "version";

    /// <summary>Whether the actor may see and change the drafts and rule sets of <paramref name="tenant"/>.</summary>
    public static bool CanMaintain(Actor actor, string tenant) => actor.IsRuleMaintainer && actor.InTenant(tenant);

    /// <summary>
    /// Stores <paramref name="json"/> as a new draft of <paramref name="tenant"/> (importers: Excel, RulesEngine). The JSON must
    /// be an object with a rule-set `id` and a `version`; its `tenant`, when given, must be <paramref name="tenant"/> (it is
    /// filled in when missing). The content itself may still be invalid: the workbench shows what to finish.
    /// </summary>
    public async Task<RuleSetDraftOutcome> CreateAsync(string tenant, string json, Actor actor, string origin, CancellationToken ct) =>
        (await CreateAsync(tenant, [new DraftImport(json, null)], actor, origin, ct))[0];

    /// <summary>
    /// Stores every import as a new draft of <paramref name="tenant"/> in one save, with what its importer could not read:
    /// all of them or, when any is refused, none (each outcome then says which was refused and why; the others carry no
    /// draft). Same rules for each JSON as the single <see cref="CreateAsync(string, string, Actor, string, CancellationToken)"/>.
    /// </summary>
    public async Task<IReadOnlyList<RuleSetDraftOutcome>> CreateAsync(string tenant, IReadOnlyList<DraftImport> imports, Actor actor, string origin, CancellationToken ct)
    {
        if (!CanMaintain(actor, tenant))
        {
            return [.. imports.Select(_ => RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{tenant}'."))];
        }

        var staged = new List<(JObject Root, string Id, string Version, string? Problem)>();
        foreach (var import in imports)
        {
            if (Parse(import.Json, out var problem) is not { } root)
            {
                staged.Add((new JObject(), "", "", problem));
                continue;
            }

            var id = root["id"] is JValue { Type: JTokenType.String } i ? i.Value<string>()! : "";
            var version = root["version"] is JValue { Type: JTokenType.String } v ? v.Value<string>()! : "";
            if (root["tenant"] is null)
            {
                root["tenant"] = tenant;
            }
            else if (root["tenant"] is not JValue { Type: JTokenType.String } t || t.Value<string>() != tenant)
            {
                staged.Add((root, id, version, $"Bản nháp ghi `tenant` là {root["tenant"]!.ToString(Formatting.None)}, không phải '{tenant}'."));
                continue;
            }

            var refusal = await RefusalAsync(id, version, tenant, ct)
                ?? (staged.Any(s => s.Id == id && s.Version == version) ? $"Tệp cho hai bản nháp cùng mã '{id}' và phiên bản {version}; hãy đặt mã khác cho một trong hai." : null);
            staged.Add((root, id, version, refusal));
        }

        if (staged.Any(s => s.Problem is not null))
        {
            return [.. staged.Select(s => s.Problem is { } p ? RuleSetDraftOutcome.Refused(p) : new RuleSetDraftOutcome(null, null))];
        }

        var drafts = staged.Select((s, n) => Stage(s.Root, s.Id, s.Version, tenant, null, origin, actor, imports[n].Report)).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return [.. drafts.Select(d => RuleSetDraftOutcome.Refused($"Đã có bản nháp {d.Version} của '{d.RuleSetId}' (vừa được tạo); hãy mở bản nháp đó."))];
        }

        return [.. drafts.Select(d => new RuleSetDraftOutcome(d, null))];
    }

    /// <summary>The maintainer has finished the rows the importer could not read: the list is no longer shown (audited).</summary>
    public async Task<RuleSetDraftOutcome> ClearImportReportAsync(string ruleSetId, string version, Actor actor, CancellationToken ct)
    {
        var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RuleSetId == ruleSetId && d.Version == version, ct);
        if (draft is null)
        {
            return RuleSetDraftOutcome.Refused($"Không có bản nháp {ruleSetId}@{version}.");
        }

        if (!CanMaintain(actor, draft.Tenant))
        {
            return RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{draft.Tenant}'.");
        }

        var before = new { draft.ImportReport };
        draft.ImportReport = null;
        audit.Record(db, actor, "ruleset.draft.import-report.clear", "rule-set-draft", Key(draft), before, null);
        await db.SaveChangesAsync(ct);
        return new RuleSetDraftOutcome(draft, null);
    }

    /// <summary>A new draft <paramref name="newVersion"/> copied from a published version or another draft of the same rule set.</summary>
    public async Task<RuleSetDraftOutcome> CreateFromAsync(string ruleSetId, string fromVersion, string newVersion, Actor actor, CancellationToken ct)
    {
        var source = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == ruleSetId && r.Version == fromVersion)
            .Select(r => new { r.Tenant, r.Json }).FirstOrDefaultAsync(ct)
            ?? await db.RuleSetDrafts.AsNoTracking().Where(r => r.RuleSetId == ruleSetId && r.Version == fromVersion)
            .Select(r => new { r.Tenant, r.Json }).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return RuleSetDraftOutcome.Refused($"Không có phiên bản {fromVersion} của bộ tiêu chí '{ruleSetId}'.");
        }

        if (!CanMaintain(actor, source.Tenant))
        {
            return RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{source.Tenant}'.");
        }

        var root = Parse(source.Json, out var problem) ?? throw new InvalidOperationException(problem);
        root["version"] = newVersion;
        return await AddAsync(root, ruleSetId, newVersion, source.Tenant, fromVersion, FromVersion, actor, ct);
    }

    public Task<RuleSetDraft?> FindAsync(string ruleSetId, string version, CancellationToken ct) =>
        db.RuleSetDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.RuleSetId == ruleSetId && d.Version == version, ct);

    /// <summary>The drafts the actor maintains, by rule set then version.</summary>
    public async Task<IReadOnlyList<RuleSetDraft>> ListAsync(Actor actor, CancellationToken ct)
    {
        var drafts = await db.RuleSetDrafts.AsNoTracking().ToListAsync(ct);
        return drafts.Where(d => CanMaintain(actor, d.Tenant)).OrderBy(d => d.RuleSetId, StringComparer.Ordinal)
            .ThenBy(d => d.Version, SemanticVersion.StringComparer).ToList();
    }

    /// <summary>
    /// Replaces the draft's JSON. <paramref name="revision"/> is the revision the editor started from: an older one means
    /// someone saved in between, and nothing is written. The id, version and tenant of a draft do not change here.
    /// </summary>
    public async Task<RuleSetDraftOutcome> SaveAsync(string ruleSetId, string version, string json, int revision, Actor actor, CancellationToken ct)
    {
        var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RuleSetId == ruleSetId && d.Version == version, ct);
        if (draft is null)
        {
            return RuleSetDraftOutcome.Refused($"Không có bản nháp {ruleSetId}@{version}.");
        }

        if (!CanMaintain(actor, draft.Tenant))
        {
            return RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{draft.Tenant}'.");
        }

        if (revision != draft.Revision)
        {
            return RuleSetDraftOutcome.Refused($"Bản nháp đã được {draft.UpdatedBy} lưu sau khi bạn mở (lần lưu thứ {draft.Revision}); "
                + "thay đổi của bạn chưa được lưu. Hãy mở lại bản nháp rồi sửa tiếp.");
        }

        if (Parse(json, out var problem) is not { } root)
        {
            return RuleSetDraftOutcome.Refused(problem!);
        }

        foreach (var (name, expected) in new[] { ("id", draft.RuleSetId), ("version", draft.Version), ("tenant", draft.Tenant) })
        {
            if (root[name] is not JValue { Type: JTokenType.String } value || value.Value<string>() != expected)
            {
                return RuleSetDraftOutcome.Refused($"`{name}` của bản nháp phải giữ là \"{expected}\". Muốn phiên bản khác, hãy tạo bản nháp mới từ phiên bản này.");
            }
        }

        var before = new { draft.Json };
        draft.Json = root.ToString(Formatting.Indented);
        draft.Title = TitleOf(root, draft.RuleSetId);
        draft.Revision++;
        draft.UpdatedAt = clock.GetCurrentInstant();
        draft.UpdatedBy = actor.Name;
        audit.Record(db, actor, "ruleset.draft.save", "rule-set-draft", Key(draft), before, new { draft.Json });
        await db.SaveChangesAsync(ct);
        return new RuleSetDraftOutcome(draft, null);
    }

    /// <summary>
    /// Publishes the draft with the API's intake (every error refuses it) and deletes the draft in the same save as its audit
    /// entry. The published version is immutable from then on.
    /// </summary>
    public async Task<(RuleSetDraftOutcome Draft, RuleSetPublishOutcome? Publication)> PublishAsync(string ruleSetId, string version, int revision, Actor actor, CancellationToken ct)
    {
        var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RuleSetId == ruleSetId && d.Version == version, ct);
        if (draft is null)
        {
            return (RuleSetDraftOutcome.Refused($"Không có bản nháp {ruleSetId}@{version}."), null);
        }

        if (!CanMaintain(actor, draft.Tenant))
        {
            return (RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{draft.Tenant}'."), null);
        }

        if (revision != draft.Revision)
        {
            return (RuleSetDraftOutcome.Refused($"Bản nháp đã được {draft.UpdatedBy} lưu sau khi bạn mở; hãy xem lại trước khi công bố."), null);
        }

        var outcome = await publication.PublishAsync(Encoding.UTF8.GetBytes(draft.Json), FileName(draft), actor, ct);
        if (outcome.Status != RuleSetPublishStatus.Created)
        {
            return (RuleSetDraftOutcome.Refused(outcome.Problem ?? "Phiên bản này đã được công bố với đúng nội dung này."), outcome);
        }

        db.RuleSetDrafts.Remove(draft);
        audit.Record(db, actor, "ruleset.draft.publish", "rule-set-draft", Key(draft), new { draft.Json }, new { outcome.Version!.Sha256 });
        await db.SaveChangesAsync(ct);
        return (new RuleSetDraftOutcome(draft, null), outcome);
    }

    /// <summary>Deletes a draft (audited); published versions are never deleted.</summary>
    public async Task<RuleSetDraftOutcome> DeleteAsync(string ruleSetId, string version, Actor actor, CancellationToken ct)
    {
        var draft = await db.RuleSetDrafts.FirstOrDefaultAsync(d => d.RuleSetId == ruleSetId && d.Version == version, ct);
        if (draft is null)
        {
            return RuleSetDraftOutcome.Refused($"Không có bản nháp {ruleSetId}@{version}.");
        }

        if (!CanMaintain(actor, draft.Tenant))
        {
            return RuleSetDraftOutcome.NotAllowed($"Bạn không quản lý bộ tiêu chí của '{draft.Tenant}'.");
        }

        db.RuleSetDrafts.Remove(draft);
        audit.Record(db, actor, "ruleset.draft.delete", "rule-set-draft", Key(draft), new { draft.Json }, null);
        await db.SaveChangesAsync(ct);
        return new RuleSetDraftOutcome(draft, null);
    }

    /// <summary>The file name diagnostics of a draft carry.</summary>
    public static string FileName(RuleSetDraft draft) => $"{draft.RuleSetId}@{draft.Version}.rules.json";

    private async Task<RuleSetDraftOutcome> AddAsync(JObject root, string id, string version, string tenant, string? basedOn, string origin, Actor actor, CancellationToken ct)
    {
        if (await RefusalAsync(id, version, tenant, ct) is { } refusal)
        {
            return RuleSetDraftOutcome.Refused(refusal);
        }

        var draft = Stage(root, id, version, tenant, basedOn, origin, actor, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return RuleSetDraftOutcome.Refused($"Đã có bản nháp {version} của '{id}' (vừa được tạo); hãy mở bản nháp đó.");
        }

        return new RuleSetDraftOutcome(draft, null);
    }

    /// <summary>Why a new draft <paramref name="id"/>@<paramref name="version"/> of <paramref name="tenant"/> cannot be made, or null.</summary>
    private async Task<string?> RefusalAsync(string id, string version, string tenant, CancellationToken ct)
    {
        if (!RuleSetIdPattern().IsMatch(id))
        {
            return $"Mã bộ tiêu chí \"{id}\" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số, '.' và '-' (ví dụ 'son-la.dmst-cds.ubnd-xa-phuong').";
        }

        if (!SemanticVersion.IsValid(version))
        {
            return $"Số phiên bản \"{version}\" không hợp lệ: ghi dạng chính.phụ.vá, ví dụ 1.2.0.";
        }

        var owner = await db.RuleSetVersions.AsNoTracking().Where(r => r.RuleSetId == id && r.Tenant != tenant).Select(r => r.Tenant).FirstOrDefaultAsync(ct)
            ?? await db.RuleSetDrafts.AsNoTracking().Where(r => r.RuleSetId == id && r.Tenant != tenant).Select(r => r.Tenant).FirstOrDefaultAsync(ct);
        if (owner is not null)
        {
            return $"Mã bộ tiêu chí '{id}' thuộc về '{owner}'; hãy đặt mã riêng (ví dụ bắt đầu bằng '{tenant}.').";
        }

        if (await db.RuleSetVersions.AnyAsync(r => r.RuleSetId == id && r.Version == version, ct))
        {
            return $"Phiên bản {version} của '{id}' đã được công bố và không sửa được nữa; hãy chọn số phiên bản khác (ví dụ tăng số phụ).";
        }

        if (await db.RuleSetDrafts.AnyAsync(r => r.RuleSetId == id && r.Version == version, ct))
        {
            return $"Đã có bản nháp {version} của '{id}'; hãy mở bản nháp đó hoặc chọn số phiên bản khác.";
        }

        return null;
    }

    /// <summary>Adds the draft and its audit entry to the context; the caller saves.</summary>
    private RuleSetDraft Stage(JObject root, string id, string version, string tenant, string? basedOn, string origin, Actor actor, ImportReport? report)
    {
        var now = clock.GetCurrentInstant();
        var draft = new RuleSetDraft
        {
            RuleSetId = id, Version = version, Tenant = tenant, Title = TitleOf(root, id), BasedOnVersion = basedOn, Origin = origin,
            Json = root.ToString(Formatting.Indented), ImportReport = report?.ToJson(), Revision = 1, CreatedAt = now, CreatedBy = actor.Name,
            UpdatedAt = now, UpdatedBy = actor.Name,
        };
        db.RuleSetDrafts.Add(draft);
        audit.Record(db, actor, "ruleset.draft.create", "rule-set-draft", Key(draft), null,
            report is null ? new { draft.Json, basedOn, origin } : new { draft.Json, basedOn, origin, draft.ImportReport });
        return draft;
    }

    /// <summary>The JSON as an object, or null with the reason (Vietnamese, with the line).</summary>
    private static JObject? Parse(string json, out string? problem)
    {
        problem = null;
        if (Encoding.UTF8.GetByteCount(json) > RuleSetLoader.MaxBytes)
        {
            problem = $"Bộ tiêu chí lớn hơn giới hạn {RuleSetLoader.MaxBytes / (1024 * 1024)} MB.";
            return null;
        }

        try
        {
            var token = JToken.Parse(json, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error, CommentHandling = CommentHandling.Ignore });
            if (token is JObject root)
            {
                return root;
            }

            problem = "Nội dung không phải một đối tượng JSON `{ … }`.";
        }
        catch (JsonReaderException e)
        {
            problem = $"Nội dung không phải JSON hợp lệ (dòng {e.LineNumber}, cột {e.LinePosition}); chưa lưu. Hãy sửa chỗ đó rồi lưu lại.";
        }

        return null;
    }

    private static string TitleOf(JObject root, string fallback) =>
        root["title"] is JValue { Type: JTokenType.String } t && t.Value<string>() is { Length: > 0 } title ? title : fallback;

    private static string Key(RuleSetDraft draft) => $"{draft.RuleSetId}@{draft.Version}";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleSetIdPattern();
}
