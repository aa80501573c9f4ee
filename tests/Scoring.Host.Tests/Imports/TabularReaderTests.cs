
namespace Scoring.Host.Tests.Imports;

public sealed class TabularReaderTests
{
    [Test]
    public void Xlsx_SharedStringsNumbersAndDateCells_ReadAsTheUserSawThem()
    {
        var xlsx = ExcelWorkbook.Write(
        [
            ["code", "name", "validFrom", "validTo", "dti", "staff"],
            ["xa-a", "Xã Chiềng Cơi", new ExcelDate(45839), new ExcelDate(46022, ExcelWorkbook.CustomDateStyle), 0.083, 12m],
            ["xa-b", "Xã Chiềng Cơi", new ExcelDate(45839.75), null, 1e-3, 7.5m],
        ]);

        var table = TabularReader.Read("units.xlsx", xlsx);

        Assert.That(table.Headers, Is.EqualTo(new[] { "code", "name", "validFrom", "validTo", "dti", "staff" }));
        Assert.That(table.Rows[0].Cells, Is.EqualTo(new[] { "xa-a", "Xã Chiềng Cơi", "2025-07-01", "2025-12-31", "0.083", "12" }));
        Assert.That(table.Rows[1].Cells, Is.EqualTo(new[] { "xa-b", "Xã Chiềng Cơi", "2025-07-01", "", "0.001", "7.5" }),
            "a date-only style shows the day, whatever the time of day stored");
    }

    [Test]
    public void Xlsx_1904DateSystem_CountsFrom1904()
    {
        var xlsx = ExcelWorkbook.Write([["unit", "planIssuedOn"], ["xa-a", new ExcelDate(45839 - 1462)]], date1904: true);

        var table = TabularReader.Read("dates.xlsx", xlsx);

        Assert.That(table.Rows[0].Cell(1), Is.EqualTo("2025-07-01"));
    }

    [TestCase(1, "1900-01-01")]
    [TestCase(59, "1900-02-28")]
    [TestCase(61, "1900-03-01")]
    [TestCase(45658, "2025-01-01")]
    public void Xlsx_1900DateSystem_SkipsTheLeapDayThatNeverWas(double serial, string iso)
    {
        var table = TabularReader.Read("dates.xlsx", ExcelWorkbook.Write([["unit", "on"], ["xa-a", new ExcelDate(serial)]]));

        Assert.That(table.Rows[0].Cell(1), Is.EqualTo(iso));
    }

    [Test]
    public void Xlsx_DateCellThatIsNoDay_NamesRowAndColumn()
    {
        var xlsx = ExcelWorkbook.Write([["unit", "validFrom"], ["xa-a", new ExcelDate(45839)], ["xa-b", new ExcelDate(60)]]);

        var error = Assert.Throws<ImportException>(() => TabularReader.Read("units.xlsx", xlsx));

        Assert.That((error!.Row, error.Column), Is.EqualTo((3, "validFrom")));
        Assert.That(error.Message, Does.Contain("60"));
    }
}
