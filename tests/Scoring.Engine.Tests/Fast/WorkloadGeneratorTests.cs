using Scoring.Bench.Generation;

namespace Scoring.Engine.Tests.Fast;

public sealed class WorkloadGeneratorTests
{
    // Expected rows obtained once by running the original generator on 2026-11-21:
    //   dotnet run /work/shared/bench-workload/gen.cs -- --units 3400 --seed 3400 --out u3400.csv
    //   dotnet run /work/shared/bench-workload/gen.cs -- --units 100000 --seed 100000 --out u100k.csv
    // and copying lines U000001, U000002, U001700, U003400 (3,400 set) and U000001, U050000, U100000 (100,000 set).
    private static readonly (int Units, int Unit, string Row)[] Rows =
    [
        (3_400, 0, "U000001,220.7,0.2011,0.3496,0.3708,0.3046,0.6043,0.7179,0.1096,44.4,12.6,93474,33,15,12,11306,12,8,190.7,83.3,839,646,4,2,16,true,false,false,false,false,false,false,true,false,false,49,358,313,111,174"),
        (3_400, 1, "U000002,203,0.0619,0.2615,0.1986,0.2232,0.754,0.3875,0.1707,60.9,14.7,2852,15,2,5,160,7,10,59,36.7,567,407,1,1,6,false,false,true,false,true,false,false,false,false,false,61,358,314,108,214"),
        (3_400, 1_699, "U001700,185.2,0.2966,0.1137,0.2651,0.1685,0.5791,0.4654,0.0173,56.9,13.8,1267,19,6,6,125,6,11,80.5,26.3,177,112,6,6,50,false,false,true,false,false,false,true,true,false,false,66,356,339,144,207"),
        (3_400, 3_399, "U003400,316.6,0.6023,0.2638,0.6693,0.6501,0.633,0.5456,0.4064,74.7,12.3,53869,52,25,21,8106,13,4,505.1,296.8,2961,2461,15,4,69,true,true,true,true,false,false,true,false,true,false,55,348,311,86,194"),
        (100_000, 0, "U000001,265.2,0.2682,0.4339,0.475,0.2614,0.7586,0.6933,0.2528,51.3,15,12412,23,9,13,2085,13,9,772.7,317.8,482,357,9,6,81,false,true,true,false,false,false,false,false,false,false,54,352,288,107,218"),
        (100_000, 49_999, "U050000,61.5,0.3838,0.1012,0.4526,0.2503,0.6137,0.6591,0.331,58.5,16.3,4568,39,9,10,397,4,6,317.8,76.5,355,230,7,5,57,false,false,false,false,false,false,true,false,false,true,57,356,332,102,192"),
        (100_000, 99_999, "U100000,582.3,0.6901,0.9452,0.6448,0.8453,0.7433,0.7885,0.7558,74.8,3.2,103735,58,37,49,29641,22,6,1239.2,1274.4,5230,4427,22,12,60,true,false,true,true,true,true,true,true,true,true,11,323,267,91,161"),
    ];

    [TestCaseSource(nameof(Rows))]
    public void Port_reproduces_the_original_generator_row((int Units, int Unit, string Row) expected)
    {
        var data = WorkloadFixtures.Get(expected.Units).Data;

        Assert.That(data.FormatRow(expected.Unit), Is.EqualTo(expected.Row));
    }

    [Test]
    public void Decimals_are_the_exact_values_of_the_shortest_text()
    {
        var data = WorkloadFixtures.Get(3_400).Data;
        var k = data.Indicators.Length;
        var dti = data.Indicators.Select(i => i.Name).ToList().IndexOf("dtiScore");

        // Unit U000001 has dtiScore 220.7: the decimal is exactly 220.7, not the double's binary expansion.
        Assert.That(data.Decimals[dti], Is.EqualTo(220.7m));
        Assert.That(data.Decimals[k + dti], Is.EqualTo(203m));
    }

    [TestCase(3_400)]
    [TestCase(100_000)]
    public void Every_decimal_is_the_value_of_the_shortest_round_trip_text(int units)
    {
        var data = WorkloadFixtures.Get(units).Data;
        var mismatches = 0;
        for (var i = 0; i < data.Doubles.Length; i++)
        {
            var text = data.Doubles[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            mismatches += decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) != data.Decimals[i] ? 1 : 0;
        }
        Assert.That(mismatches, Is.Zero);
    }

    [Test]
    public void Same_seed_gives_the_same_data_and_another_seed_does_not()
    {
        var workload = Workload.Load();
        var a = WorkloadGenerator.Generate(workload, 50, 7);
        var b = WorkloadGenerator.Generate(workload, 50, 7);
        var c = WorkloadGenerator.Generate(workload, 50, 8);

        Assert.That(b.Decimals, Is.EqualTo(a.Decimals));
        Assert.That(c.Decimals, Is.Not.EqualTo(a.Decimals));
    }
}
