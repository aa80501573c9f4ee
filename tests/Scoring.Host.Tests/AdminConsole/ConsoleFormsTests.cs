using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scoring.Host.Tests.Accounts;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.AdminConsole;

/// <summary>
/// The console's forms on the real host (SQLite), posted as a browser posts them: a new tenant with its first movement, a
/// movement added, a group of a year created and changed (through the API's GroupService), a unit's validity and successor
/// checked (through the API's UnitService). Every refusal is asserted beside its field with nothing written; every
/// accepted form is asserted in the database and in the audit log under the administrator's name.
/// </summary>
[NonParallelizable]
public sealed partial class ConsoleFormsTests
{
    private const string Admin = "qt.form (administrator)";

    private ScoringHostFactory host = null!;
    private string adminPassword = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        host = new ScoringHostFactory();
        await TestData.SeedAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        adminPassword = (await accounts.CreateAsync("test", new NewAccount("qt.form", "QT", new AccountScope(Roles.Administrator, null, null, []), null, false), CancellationToken.None)).Password!;
    }

    [OneTimeTearDown]
    public void StopHost() => host.Dispose();

    [Test]
    public async Task NewTenant_RefusesEachBadFieldBesideIt_WritesNothing_ThenCreatesTheTenantWithItsMovement()
    {
        using var admin = await SignInAsync();
        const string Page = "/quan-tri/tinh-moi";
        var fields = new Dictionary<string, string>
        {
            ["Code"] = "Lai Chau", ["Name"] = "", ["MovementCode"] = "dmst-cds", ["MovementTitle"] = "Lai Châu thi đua chuyển đổi số", ["Plan"] = "KH 12/KH-UBND", ["Deadline"] = "31/11",
        };
        var auditBefore = await host.WithDbAsync(db => db.AuditLog.CountAsync());

        var refused = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(refused, "Code"), Does.StartWith("Mã “Lai Chau” không dùng được: mã chỉ gồm chữ thường không dấu"));
        Assert.That(FieldError(refused, "Name"), Is.EqualTo("Hãy nhập tên tỉnh/xã, ví dụ Tỉnh Sơn La."));
        Assert.That(FieldError(refused, "Deadline"), Is.EqualTo("Hạn báo cáo “31/11” phải là ngày và tháng dạng dd/MM, ví dụ 10/11 (ngày 10 tháng 11)."));
        Assert.That(FieldError(refused, "MovementTitle"), Is.Null);
        Assert.That(refused, Does.Contain("Chưa lưu gì: có 3 ô cần sửa"));
        Assert.That(refused, Does.Contain("value=\"Lai Chau\"").And.Contain("value=\"Lai Châu thi đua chuyển đổi số\""), "what was typed is kept");

        fields["Code"] = "son-la";
        fields["Name"] = "Tỉnh Lai Châu";
        fields["Deadline"] = "29/02";
        var existing = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(existing, "Code"), Is.EqualTo("Đã có tỉnh/xã mã son-la (Tỉnh Sơn La); mở trang của tỉnh/xã đó để sửa, hoặc chọn mã khác."));

        fields["Code"] = "lai-chau";
        var leapDay = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(leapDay, "Deadline"), Does.Contain("Hạn báo cáo '29/02' của phong trào 'dmst-cds'").And.Contain("ngày 29/02 không có mỗi năm"),
            "the API's own check of the day, worded for the form");
        Assert.That(await host.WithDbAsync(db => db.Tenants.CountAsync(t => t.Code == "lai-chau")), Is.Zero, "nothing written");
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync()), Is.EqualTo(auditBefore), "nothing audited");

        fields["Deadline"] = "15/11";
        var created = await admin.PostFormAsync(Page, fields);
        Assert.That((created.Status, created.Location), Is.EqualTo((HttpStatusCode.Redirect, "/quan-tri/tinh/lai-chau")));
        var movement = await host.WithDbAsync(db => db.Movements.SingleAsync(m => m.TenantCode == "lai-chau"));
        Assert.That((movement.Code, movement.Title, movement.Plan, movement.ReportDeadline, movement.TimeZone),
            Is.EqualTo(("dmst-cds", "Lai Châu thi đua chuyển đổi số", "KH 12/KH-UBND", "11-15", "Asia/Ho_Chi_Minh")));
        var page = Decode((await admin.GetAsync("/quan-tri/tinh/lai-chau")).Body);
        Assert.That(page, Does.Match("Đã tạo Tỉnh Lai Châu với phong trào dmst-cds; hạn báo cáo năm \\d{4}: hết ngày 15/11/\\d{4} \\(giờ Asia/Ho_Chi_Minh\\)."));
        Assert.That(page, Does.Contain("<td class=\"deadline\">ngày 15/11</td>"));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "lai-chau").Select(a => a.Action + " " + a.Actor).ToListAsync()),
            Is.EqualTo(new[] { "tenant.create " + Admin }));
    }

    [Test]
    public async Task NewMovement_RefusesACodeTheTenantHas_ThenAddsTheMovement_KeepingTheOthers()
    {
        using var admin = await SignInAsync();
        const string Page = "/quan-tri/tinh/son-la/phong-trao-moi";
        var fields = new Dictionary<string, string> { ["MovementCode"] = "dmst-cds-2025-2030", ["MovementTitle"] = "Bình dân học vụ số", ["Deadline"] = "" };

        var refused = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(refused, "MovementCode"), Does.StartWith("Tỉnh Sơn La đã có phong trào mã dmst-cds-2025-2030"));
        Assert.That(FieldError(refused, "Deadline"), Is.EqualTo("Hãy nhập hạn báo cáo hằng năm dạng dd/MM, ví dụ 10/11."));
        Assert.That(await host.WithDbAsync(db => db.Movements.CountAsync(m => m.TenantCode == "son-la")), Is.EqualTo(1), "nothing written");

        fields["MovementCode"] = "bdhvs-2025";
        fields["Deadline"] = "05/12";
        var added = await admin.PostFormAsync(Page, fields);
        Assert.That((added.Status, added.Location), Is.EqualTo((HttpStatusCode.Redirect, "/quan-tri/tinh/son-la#phong-trao")));
        var movements = await host.WithDbAsync(db => db.Movements.Where(m => m.TenantCode == "son-la").OrderBy(m => m.Code).Select(m => m.Code + " " + m.ReportDeadline).ToListAsync());
        Assert.That(movements, Is.EqualTo(new[] { "bdhvs-2025 12-05", "dmst-cds-2025-2030 11-10" }));
        Assert.That(Decode((await admin.GetAsync("/quan-tri/tinh/son-la")).Body), Does.Contain("Đã thêm phong trào bdhvs-2025; hạn báo cáo năm"));
    }

    [Test]
    public async Task NewGroup_RefusesAnEmptyGroup_AHeadOrDeputyOutsideIt_AndAUnitOfAnotherGroup_ThenCreatesAndChangesIt()
    {
        using var admin = await SignInAsync();
        const string Page = "/quan-tri/tinh/son-la/cum-khoi/2026";
        Assert.That(Decode((await admin.GetAsync(Page)).Body), Does.Contain("value=\"2026\"").And.Contain("data-unit=\"xa-a\""));
        var fields = new List<KeyValuePair<string, string>> { new("Year", "2026"), new("Code", "cum-moi"), new("Name", "Cụm thi đua mới"), new("Kind", "cluster") };
        var auditBefore = await host.WithDbAsync(db => db.AuditLog.CountAsync());

        var empty = Decode((await PostAsync(admin, Page, fields)).Body);
        Assert.That(FieldError(empty, "Members"), Does.StartWith("Cụm/khối 'cum-moi' chưa có thành viên nào").And.Contain("cần ít nhất một đơn vị"),
            "the API's GroupService refuses the empty group");

        fields.AddRange([new("Members", "xa-a"), new("Members", "xa-b"), new("Head", "xa-c"), new("Deputy", "xa-a")]);
        var outside = Decode((await PostAsync(admin, Page, fields)).Body);
        Assert.That(FieldError(outside, "Head"), Does.StartWith("Cụm/khối trưởng xa-c chưa được đánh dấu là thành viên"));
        Assert.That(FieldError(outside, "Deputy"), Is.Null);
        Assert.That(outside, Does.Match("<li data-unit=\"xa-a\">\\s*<label><input type=\"checkbox\" name=\"Members\" value=\"xa-a\" checked=\"checked\">"), "the ticks are kept");

        fields.RemoveAll(f => f.Key is "Head" or "Deputy");
        fields.AddRange([new("Head", "xa-a"), new("Deputy", "xa-a")]);
        var same = Decode((await PostAsync(admin, Page, fields)).Body);
        Assert.That(FieldError(same, "Deputy"), Is.EqualTo("Cụm/khối phó phải là đơn vị khác cụm/khối trưởng."));

        // xa-c is in cum-2 of 2026 (imported below): the service's one-group-a-year rule, beside the members.
        await ImportGroupsAsync(2026, "group,groupName,groupKind,unit,role\ncum-2,Cụm thi đua số 2,cluster,xa-c,head\n");
        auditBefore = await host.WithDbAsync(db => db.AuditLog.CountAsync());
        fields.RemoveAll(f => f.Key is "Deputy");
        fields.AddRange([new("Members", "xa-c"), new("Deputy", "xa-b")]);
        var taken = Decode((await PostAsync(admin, Page, fields)).Body);
        Assert.That(FieldError(taken, "Members"), Does.StartWith("Đơn vị 'xa-c' đã thuộc cụm/khối 'cum-2' năm 2026"));
        Assert.That(taken, Does.Contain("– đang thuộc cum-2"));
        Assert.That(await host.WithDbAsync(db => db.Groups.CountAsync(g => g.Code == "cum-moi")), Is.Zero, "nothing written");
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync()), Is.EqualTo(auditBefore), "nothing audited");

        fields.RemoveAll(f => f is { Key: "Members", Value: "xa-c" });
        var created = await PostAsync(admin, Page, fields);
        Assert.That((created.Status, created.Location), Is.EqualTo((HttpStatusCode.Redirect, "/quan-tri/tinh/son-la?nam=2026#cum-khoi")));
        Assert.That(await MembersAsync(2026, "cum-moi"), Is.EqualTo(new[] { "xa-a head", "xa-b deputy" }));
        Assert.That(Decode((await admin.GetAsync("/quan-tri/tinh/son-la?nam=2026")).Body), Does.Contain("Đã lưu cụm/khối cum-moi năm 2026 với 2 thành viên."));

        // The same code again on the new-group page is refused (never replaced); the group's own page changes it.
        var again = Decode((await PostAsync(admin, Page, fields)).Body);
        Assert.That(FieldError(again, "Code"), Is.EqualTo("Năm 2026 đã có cụm/khối mã cum-moi; mở cụm/khối đó để sửa, hoặc chọn mã khác."));
        const string Edit = "/quan-tri/tinh/son-la/cum-khoi/2026/cum-moi";
        var form = Decode((await admin.GetAsync(Edit)).Body);
        Assert.That(form, Does.Contain("<option value=\"xa-a\" selected=\"selected\">"), "the head is chosen");
        var changed = await PostAsync(admin, Edit,
            [new("Name", "Cụm thi đua mới (sửa)"), new("Kind", "bloc"), new("Members", "xa-a"), new("Members", "xa-b"), new("Head", "xa-b"), new("Deputy", "")]);
        Assert.That(changed.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await MembersAsync(2026, "cum-moi"), Is.EqualTo(new[] { "xa-a member", "xa-b head" }));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.Where(a => a.EntityKey == "son-la/2026/cum-moi").OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync()),
            Is.EqualTo(new[] { "group.create " + Admin, "group.update " + Admin }));
        Assert.That((await admin.GetAsync("/quan-tri/tinh/son-la/cum-khoi/2026/khong-co")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task UnitEdit_ChecksTheSuccessorsValidity_BesideTheField_WritesNothing()
    {
        using var admin = await SignInAsync();
        const string Page = "/quan-tri/tinh/son-la/don-vi/xa-b";
        var fields = new Dictionary<string, string> { ["Name"] = "Xã Mường Bú", ["Kind"] = "locality", ["ValidFrom"] = "01/07/2025", ["ValidTo"] = "", ["Successor"] = "xa-a" };
        var auditBefore = await host.WithDbAsync(db => db.AuditLog.CountAsync());

        var noEnd = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(noEnd, "ValidTo"), Does.StartWith("Đơn vị 'xa-b' có đơn vị kế thừa 'xa-a' nên phải có ngày hết hiệu lực"));

        fields["ValidTo"] = "30/06/2025";
        var before = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(before, "ValidTo"), Is.EqualTo("Ngày hết hiệu lực 30/06/2025 trước ngày bắt đầu hiệu lực 01/07/2025; hãy sửa một trong hai ngày."));

        fields["ValidTo"] = "31/12/2026";
        fields["Successor"] = "xa-d";
        var ended = Decode((await admin.PostFormAsync(Page, fields)).Body);
        Assert.That(FieldError(ended, "Successor"), Does.StartWith("Đơn vị kế thừa 'xa-d' đã hết hiệu lực ngày 30/06/2025, trước ngày 01/01/2027"));

        // xa-c succeeds xa-d from 01/07/2025: it cannot start later, nor end before.
        var successor = Decode((await admin.PostFormAsync("/quan-tri/tinh/son-la/don-vi/xa-c",
            new Dictionary<string, string> { ["Name"] = "Phường Tô Hiệu, TP Sơn La", ["Kind"] = "locality", ["ValidFrom"] = "01/01/2026" })).Body);
        Assert.That(FieldError(successor, "ValidFrom"), Does.StartWith("'xa-c' kế thừa 'xa-d' từ ngày 01/07/2025"));
        Assert.That(await host.WithDbAsync(db => db.AuditLog.CountAsync()), Is.EqualTo(auditBefore), "nothing written");
        var units = await host.WithDbAsync(db => db.Units.Where(u => u.Code == "xa-b" || u.Code == "xa-c").ToListAsync());
        Assert.That(units.Select(u => (u.SuccessorCode, u.ValidFrom, u.ValidTo)), Is.All.EqualTo(((string?)null, (NodaTime.LocalDate?)new NodaTime.LocalDate(2025, 7, 1), (NodaTime.LocalDate?)null)));
    }

    [Test]
    public void Succession_RefusesACycle_AndAcceptsAHandoverOnTheNextDay()
    {
        var a = new Unit { TenantCode = "t", Code = "a", Name = "A", Kind = "locality", ValidTo = new NodaTime.LocalDate(2025, 6, 30), SuccessorCode = "b" };
        var b = new Unit { TenantCode = "t", Code = "b", Name = "B", Kind = "locality", ValidFrom = new NodaTime.LocalDate(2025, 7, 1) };
        var successors = new Dictionary<string, string?> { ["a"] = "b" };

        Assert.That(UnitSuccession.Problem("a", null, a.ValidTo, b, [], c => successors.GetValueOrDefault(c)), Is.Null);
        successors["b"] = "a";
        var cycle = UnitSuccession.Problem("b", b.ValidFrom, new NodaTime.LocalDate(2025, 12, 31), a, [], c => successors.GetValueOrDefault(c));
        Assert.That(cycle, Is.Not.Null);
        Assert.That(cycle!.Value.Field, Is.EqualTo("successor"));
        Assert.That(cycle.Value.Message, Does.StartWith("Đơn vị kế thừa 'a' đã hết hiệu lực"), "a ended before b would hand over");
        var loop = UnitSuccession.Problem("b", null, new NodaTime.LocalDate(2024, 12, 31),
            new Unit { TenantCode = "t", Code = "a", Name = "A", Kind = "locality", SuccessorCode = "b" }, [], c => successors.GetValueOrDefault(c));
        Assert.That(loop!.Value.Message, Does.StartWith("Chuỗi đơn vị kế thừa quay vòng (b → a → b)"));
    }

    private async Task<FormSession> SignInAsync()
    {
        var admin = new FormSession(host);
        Assert.That((await admin.SignInAsync("qt.form", adminPassword)).Status, Is.EqualTo(HttpStatusCode.Redirect));
        return admin;
    }

    /// <summary>Posts a form with repeated fields (ticked checkboxes) and the page's antiforgery token.</summary>
    private static async Task<(HttpStatusCode Status, string Body, string? Location)> PostAsync(FormSession session, string page, List<KeyValuePair<string, string>> fields)
    {
        var (_, html, _) = await session.GetAsync(page);
        using var response = await session.Client.PostAsync(page, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", FormSession.Token(html))]));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
    }

    private async Task ImportGroupsAsync(int year, string csv)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<GroupService>().ImportRowsAsync(TestData.Tenant, year, "groups.csv", System.Text.Encoding.UTF8.GetBytes(csv),
            new Actor("test", Roles.Administrator, null, null, new HashSet<string>()), CancellationToken.None);
        Assert.That(outcome.Error, Is.Null);
    }

    private Task<List<string>> MembersAsync(int year, string code) =>
        host.WithDbAsync(db => db.Groups.Where(g => g.Year == year && g.Code == code).SelectMany(g => g.Members)
            .OrderBy(m => m.UnitCode).Select(m => m.UnitCode + " " + m.Role.ToString().ToLower()).ToListAsync());

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The refusal shown beside a field (its element id is the field's name + "-loi"), or null.</summary>
    private static string? FieldError(string html, string field)
    {
        var match = Regex.Match(html, $"<p class=\"field-error\" id=\"{field}-loi\">(.*?)</p>", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }
}
