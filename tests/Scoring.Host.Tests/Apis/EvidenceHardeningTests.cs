using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Scoring.Host.Tests.Fixtures;

namespace Scoring.Host.Tests.Apis;

/// <summary>Issue 9, items 4 and 8: evidence file names and packages are checked, downloads are never sniffed.</summary>
public sealed class EvidenceHardeningTests
{
    private const string Path = "/api/tenants/son-la/submissions/2025/xa-a";
    private ScoringHostFactory host = null!;
    private HttpClient unit = null!;

    [SetUp]
    public async Task StartHost()
    {
        host = ApiHost.Start(Backend.Sqlite);
        await TestData.SeedAsync(host);
        unit = host.ClientFor(Roles.Unit, TestData.Tenant, "xa-a");
        await TestData.Ensure(await unit.PutAsJsonAsync(Path, new SubmissionValues(new() { ["staffTrained"] = "12" })));
    }

    [TearDown]
    public void StopHost()
    {
        unit.Dispose();
        host.Dispose();
    }

    [Test]
    public async Task ADownload_SaysNosniff()
    {
        var created = await unit.PostAsync(Path + "/evidence", TestData.Upload("%PDF-1.4 x"u8.ToArray(), "bao-cao.pdf", "application/pdf"));
        var id = (await created.Content.ReadFromJsonAsync<EvidenceDto>())!.Id;

        using var download = await unit.GetAsync($"{Path}/evidence/{id}");

        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    [TestCase(".docx")]
    [TestCase(".xlsx")]
    public async Task AnyZipIsNotAnOfficeDocument(string extension)
    {
        var response = await unit.PostAsync(Path + "/evidence", TestData.Upload(Zip(("a.txt", "xin chào")), "bao-cao" + extension, "application/zip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("[Content_Types].xml"));
        Assert.That(await host.WithDbAsync(db => db.EvidenceFiles.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AWordPackage_IsAccepted_AsDocx()
    {
        var docx = Zip(("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
            ("word/document.xml", "<w:document/>"));

        var asDocx = await unit.PostAsync(Path + "/evidence", TestData.Upload(docx, "bao-cao.docx", "application/octet-stream"));
        var asXlsx = await unit.PostAsync(Path + "/evidence", TestData.Upload(docx, "bao-cao.xlsx", "application/octet-stream"));

        Assert.That(asDocx.StatusCode, Is.EqualTo(HttpStatusCode.Created), await asDocx.Content.ReadAsStringAsync());
        Assert.That(asXlsx.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType), "a Word package is not a workbook");
    }

    [Test]
    public async Task ABackslashPath_IsReducedToTheFileName()
    {
        var response = await unit.PostAsync(Path + "/evidence?fileName=" + Uri.EscapeDataString(@"C:\Users\can-bo\Documents\bao-cao.pdf"),
            new ByteArrayContent("%PDF-1.4 x"u8.ToArray()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That((await response.Content.ReadFromJsonAsync<EvidenceDto>())!.FileName, Is.EqualTo("bao-cao.pdf"));
    }

    [TestCase("bao \"cao\".pdf")]
    [TestCase("bao\ncao.pdf")]
    [TestCase("bao\r\ncao.pdf")]
    public async Task AFileNameWithAQuoteOrALineBreak_Is400InVietnamese(string name)
    {
        var raw = await unit.PostAsync(Path + "/evidence?fileName=" + Uri.EscapeDataString(name), new ByteArrayContent("%PDF-1.4 x"u8.ToArray()));
        var form = new MultipartFormDataContent("ranh-gioi");
        var part = new ByteArrayContent("%PDF-1.4 x"u8.ToArray());
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        form.Add(part);
        var multipart = await unit.PostAsync(Path + "/evidence", form);

        foreach (var response in new[] { raw, multipart })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }
        // A raw upload names the file in the query: the answer says what is wrong with the name. (In a multipart header a
        // line break ends the header, so the form has no file and the answer asks for one.)
        Assert.That(await raw.Content.ReadAsStringAsync(), Does.Contain("Tên tệp không được chứa"));
        Assert.That(await host.WithDbAsync(db => db.EvidenceFiles.CountAsync()), Is.Zero);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
        }
        return memory.ToArray();
    }
}
