
namespace Scoring.Host.Tests.Imports;

public sealed class CsvTextTests
{
    [Test]
    public void Reads_quoted_fields_with_commas_escaped_quotes_and_line_breaks()
    {
        var (records, errors) = CsvText.Parse("a,b,c\r\n1,\"x, \"\"y\"\"\",\"line1\r\nline2\"\r\n2,,last\n");

        Assert.That(errors, Is.Empty);
        Assert.That(records, Has.Length.EqualTo(3));
        Assert.That(records[1].Fields, Is.EqualTo(new[] { "1", "x, \"y\"", "line1\r\nline2" }));
        Assert.That(records[2].Fields, Is.EqualTo(new[] { "2", string.Empty, "last" }));
        Assert.That(records[2].Line, Is.EqualTo(4), "the quoted line break counts as a line");
    }

    [Test]
    public void Skips_bom_and_blank_lines_and_accepts_a_last_line_without_newline()
    {
        var (records, errors) = CsvText.Parse("\uFEFFid,v\n\n1,2\n\r\n3,4");

        Assert.That(errors, Is.Empty);
        Assert.That(records.Select(r => r.Fields[0]), Is.EqualTo(new[] { "id", "1", "3" }));
        Assert.That(records.Select(r => r.Line), Is.EqualTo(new[] { 1, 3, 5 }));
    }

    [Test]
    public void Reports_an_unterminated_quote_with_its_line()
    {
        var (_, errors) = CsvText.Parse("a,b\n1,\"open\n2,3\n");

        Assert.That(errors, Has.Length.EqualTo(1));
        Assert.That(errors[0].Line, Is.EqualTo(2));
        Assert.That(errors[0].Message, Does.Contain("ngoặc kép"));
    }

    [Test]
    public void Reports_text_after_a_closing_quote()
    {
        var (_, errors) = CsvText.Parse("a,b\n\"x\"y,2\n");

        Assert.That(errors.Select(e => e.Line), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Keeps_an_empty_quoted_last_field()
    {
        var (records, _) = CsvText.Parse("a,\"\"");

        Assert.That(records[0].Fields, Is.EqualTo(new[] { "a", string.Empty }));
    }

    [Test]
    public void Reports_a_stray_quote_and_keeps_it_as_text()
    {
        var (records, errors) = CsvText.Parse("a,b\nx\"y,2\n");

        Assert.That(records[1].Fields, Is.EqualTo(new[] { "x\"y", "2" }));
        Assert.That(errors.Single().Line, Is.EqualTo(2));
        Assert.That(errors.Single().Message, Does.Contain("giữa trường"));
    }

    [Test]
    public void Numbers_records_as_a_spreadsheet_rows_them()
    {
        var (records, _) = CsvText.Parse("a,b\n\"two\nlines\",1\n\n3,4\n");

        Assert.That(records.Select(r => (r.Number, r.Line)), Is.EqualTo(new[] { (1, 1), (2, 2), (4, 5) }),
            "a multi-line record is one row and a blank line keeps its row; lines count every line");
    }

    [Test]
    public void Reads_a_comma_never_another_separator()
    {
        var (records, _) = CsvText.Parse("a;b,c\n1;2,3\n");

        Assert.That(records[1].Fields, Is.EqualTo(new[] { "1;2", "3" }));
    }
}
