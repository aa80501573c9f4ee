#:property PublishAot=false
#:property TreatWarningsAsErrors=true
#:property Nullable=enable

// Deterministic generator of the four tenants' sample data (docs/data.md describes the output).
// Run from the repository root:  dotnet run samples/generate.cs
// Inputs: samples/names/*.csv (names, groups, value profiles) and rules-catalog/indicators.csv.
// Every random draw comes from SplitMix64 seeded by an FNV-1a hash of a stable key
// (tenant|unit|indicator|year|purpose), so values do not depend on the platform, on the order of
// the work, or on indicators appended later to the vocabulary. Arithmetic is decimal only.

using System.Globalization;
using System.Text;

var root = FindRoot();
var names = Path.Combine(root, "samples", "names");
if (args.Length > 0 && args[0] == "national")
{
    try { return GenerateNational(root, names, args[1..]); }
    catch (ArgumentException e) { Console.Error.WriteLine($"generate.cs national: {e.Message}"); return 2; }
}
var years = new[] { 2025, 2026, 2027 };

// indicators.csv leaves commas in its last column (the title) unquoted: extra fields belong to the title.
var vocabulary = Csv.Read(Path.Combine(root, "rules-catalog", "indicators.csv"), lastColumnTakesRest: true);
var profiles = Csv.Read(Path.Combine(names, "indicator-profiles.csv"));
// Profiles added with catalog 2.0.0 (indicator-profiles-added.csv by kind, unit-profiles.csv for one unit such as a
// public-service centre): their values never enter the lottery of rows left out, so the earlier rows stay as they were.
foreach (var p in Csv.Read(Path.Combine(names, "indicator-profiles-added.csv"))) { p["added"] = "true"; profiles.Add(p); }
foreach (var p in Csv.Read(Path.Combine(names, "unit-profiles.csv"))) { p["kinds"] = "-"; p["added"] = "true"; profiles.Add(p); }
// A one-off date renewed from a year on (Lai Châu's phase-2 plans, due in Q2 2027): that year's window replaces the
// 2025 date from then on; earlier years keep their bytes.
foreach (var r in Csv.Read(Path.Combine(names, "date-renewals.csv")))
    foreach (var p in profiles.Where(p => p["tenant"] == r["tenant"] && p["indicator"] == r["indicator"]))
        (p["renewFrom"], p["renewLow"], p["renewHigh"]) = (r["fromYear"], r["low"], r["high"]);
var tenants = Csv.Read(Path.Combine(names, "tenants.csv"));
var groups = Csv.Read(Path.Combine(names, "groups.csv"));
var extraUnits = Csv.Read(Path.Combine(names, "units.csv"));
var enterpriseCounts = Csv.Read(Path.Combine(names, "enterprises.csv"));
var enterpriseWords = Csv.Read(Path.Combine(names, "enterprise-words.csv"));
var qualifiers = Csv.Read(Path.Combine(names, "enterprise-qualifiers.csv")).Select(r => r["qualifier"]).ToList();
var unchanged = Csv.Read(Path.Combine(names, "unchanged-localities.csv"));
var overrides = Csv.Read(Path.Combine(names, "overrides.csv"));
var historyRows = File.Exists(Path.Combine(names, "history.csv")) ? Csv.Read(Path.Combine(names, "history.csv")) : [];

foreach (var tenant in tenants)
{
    var id = tenant["tenant"];
    var prefix = tenant["prefix"];
    var units = new List<Unit>();

    // Localities (communes and wards), in the order of the resolution that created them.
    var localityFile = Path.Combine(names, $"{id}-localities.csv");
    if (File.Exists(localityFile))
    {
        var unchangedNames = unchanged.Where(r => r["tenant"] == id).Select(r => r["name"]).ToHashSet();
        var n = 0;
        foreach (var row in Csv.Read(localityFile))
        {
            n++;
            // Units created by the 2025 reorganisation start on 1/7/2025; untouched communes keep an open start.
            var from = unchangedNames.Contains(row["name"]) ? "" : "2025-07-01";
            units.Add(new Unit($"{prefix}-L{n:000}", row["name"], "locality", row["cluster"], from, "", ""));
        }
    }

    // Enterprises: fictional names built from word lists (see docs/data.md).
    var usedQualifiers = new HashSet<string>();
    var e = 0;
    foreach (var countRow in enterpriseCounts.Where(r => r["tenant"] == id))
    {
        var words = enterpriseWords.Where(w => w["sector"] == countRow["sector"]).ToList();
        var count = int.Parse(countRow["count"], CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            e++;
            var word = words[i % words.Count];
            var rng = new Rng($"{id}|E{e}|name");
            string qualifier;
            do { qualifier = qualifiers[rng.NextInt(qualifiers.Count)]; } while (!usedQualifiers.Add(qualifier) && usedQualifiers.Count < qualifiers.Count);
            var place = id == "ia-bang" ? " Ia Băng" : "";
            units.Add(new Unit($"{prefix}-E{e:00}", $"{word["form"]} {word["product"]} {qualifier}{place}", "enterprise", countRow["group"], "", "", ""));
        }
    }

    foreach (var row in extraUnits.Where(r => r["tenant"] == id))
        units.Add(new Unit(row["code"], row["name"], row["kind"], row["group"], row["validFrom"], row["validTo"], row["successor"]));

    Validate(id, units, groups);

    var dir = Path.Combine(root, "samples", id);
    Directory.CreateDirectory(dir);
    WriteTenant(dir, tenant);
    Csv.Write(Path.Combine(dir, "units.csv"), ["code", "name", "kind", "validFrom", "validTo", "successor"],
        units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new[] { u.Code, u.Name, u.Kind, u.ValidFrom, u.ValidTo, u.Successor }));

    foreach (var year in years)
    {
        var active = units.Where(u => u.ActiveIn(year)).ToList();
        WriteGroups(Path.Combine(dir, $"groups-{year}.csv"), id, year, active, groups);
        var yearOverrides = overrides.Where(o => o["tenant"] == id && o["year"] == year.ToString(CultureInfo.InvariantCulture)).ToList();
        WriteSubmissions(Path.Combine(dir, $"submissions-{year}.csv"), id, year, active, vocabulary, profiles, yearOverrides);
        WriteReports(Path.Combine(dir, $"reports-{year}.csv"), id, year, active, tenant["reportDeadline"], yearOverrides);
    }

    // Outcomes of 2023 and 2024 for units that existed then (award prerequisites look back at them),
    // plus any hand-written rows from names/history.csv.
    WriteHistory(Path.Combine(dir, "history.csv"), id, units, tenant["historyAwards"].Split(';'),
        historyRows.Where(r => r["tenant"] == id).Select(r => new[] { r["unit"], r["year"], r["grade"], r["award"] }));

    Console.WriteLine($"{id}: {units.Count} units, {units.Count(u => u.Kind == "locality" && u.ActiveIn(2026))} localities active in 2026");
}

return 0;

// National mode: 34 tenants (the provinces and cities after the 2025 reorganisation, names/national-provinces.csv), their
// communes and wards in clusters of about twelve, provincial agencies in blocs (names/units.csv's Sơn La agencies as the
// template), enterprises in three blocs, two years (2025, 2026), and per tenant the rule sets of Sơn La's plan that cover
// those years under the tenant's id. Same formats and value profiles as the province samples; every draw is salted with
// the seed. Written to --out (default national/, git-ignored): <out>/samples/<tenant>/ and <out>/rules-catalog/.
// Options: --seed N (default 1), --out DIR, --tenants N (the first N of the table), --communes N (default 3321),
// --agencies N (default 700), --enterprises N (default 340): totals over the 34 tenants, shared in proportion to each
// tenant's communes (communes) or evenly (agencies, enterprises) by largest remainder.
static int GenerateNational(string root, string names, string[] args)
{
    string Option(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 >= args.Length) throw new ArgumentException($"{name} needs a value");
        return args[i + 1];
    }
    int Count(string name, int fallback)
    {
        var text = Option(name, fallback.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new ArgumentException($"{name} must be a whole number ≥ 0, not '{text}'");
    }
    foreach (var a in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
        if (a is not ("--seed" or "--out" or "--tenants" or "--communes" or "--agencies" or "--enterprises"))
            throw new ArgumentException($"unknown option {a} (known: --seed, --out, --tenants, --communes, --agencies, --enterprises)");
    var seed = Count("--seed", 1);
    var outDir = Path.GetFullPath(Option("--out", Path.Combine(root, "national")));
    var provinces = Csv.Read(Path.Combine(names, "national-provinces.csv"));
    var tenantCount = Count("--tenants", provinces.Count);
    if (tenantCount < 1 || tenantCount > provinces.Count) throw new ArgumentException($"--tenants must be 1 to {provinces.Count}");
    var communes = Share(Count("--communes", 3321), provinces.Select(p => int.Parse(p["communes"], CultureInfo.InvariantCulture)).ToList());
    var agencies = Share(Count("--agencies", 700), provinces.Select(_ => 1).ToList());
    var enterprises = Share(Count("--enterprises", 340), provinces.Select(_ => 1).ToList());
    if (provinces.Select((_, i) => communes[i] + agencies[i] + enterprises[i]).Any(n => n < 2))
        throw new ArgumentException("every tenant needs at least two units: raise --communes, --agencies or --enterprises");

    Rng.Salt = $"national|{seed}|";
    var years = new[] { 2025, 2026 };
    var vocabulary = Csv.Read(Path.Combine(root, "rules-catalog", "indicators.csv"), lastColumnTakesRest: true);
    var profiles = Csv.Read(Path.Combine(names, "indicator-profiles.csv"));
    foreach (var p in Csv.Read(Path.Combine(names, "indicator-profiles-added.csv"))) { p["added"] = "true"; profiles.Add(p); }
    // Only the profiles every tenant shares (an empty tenant column): tenant- and unit-specific rows are the provinces'.
    profiles = profiles.Where(p => p["tenant"].Length == 0).ToList();
    var places = Csv.Read(Path.Combine(names, "national-place-words.csv")).Select(r => r["word"]).ToList();
    var words = Csv.Read(Path.Combine(names, "enterprise-words.csv"));
    var qualifiers = Csv.Read(Path.Combine(names, "enterprise-qualifiers.csv")).Select(r => r["qualifier"]).ToList();
    var templateGroups = Csv.Read(Path.Combine(names, "groups.csv")).Where(g => g["tenant"] == "son-la" && g["groupKind"] == "bloc").ToList();
    var templateAgencies = Csv.Read(Path.Combine(names, "units.csv")).Where(u => u["tenant"] == "son-la" && u["kind"] != "locality").ToList();
    // Which agencies a tenant with n of them has: every kind early, then the remaining departments and the rest.
    string[] agencyOrder = ["D01", "D02", "D07", "D08", "D11", "O01", "A01", "P01", "F01", "D03", "D04", "D05", "D09", "D12", "O02",
        "A02", "P02", "F02", "D06", "D10", "D13", "D14", "D15", "O03", "O04", "A03", "P03", "P04", "P05", "P06", "F03", "F04", "F05", "F06"];
    var sectors = new[] { ("agri", "K08"), ("industry", "K09"), ("trade", "K10") };

    if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
    {
        // Only a folder this mode wrote is replaced: never a folder that holds anything else.
        if (Directory.EnumerateFileSystemEntries(outDir).Select(Path.GetFileName).Any(n => n is not ("samples" or "rules-catalog" or ".complete")))
            throw new ArgumentException($"--out {outDir} holds other files; give an empty folder or one this generator wrote");
        Directory.Delete(outDir, recursive: true);
    }
    var catalogDir = Path.Combine(outDir, "rules-catalog");
    Directory.CreateDirectory(catalogDir);
    File.Copy(Path.Combine(root, "rules-catalog", "indicators.csv"), Path.Combine(catalogDir, "indicators.csv"));
    var template = Directory.GetFiles(Path.Combine(root, "rules-catalog", "son-la", "dmst-cds-2025-2030"), "*.rules.json")
        .Order(StringComparer.Ordinal).Select(f => (File: f, Json: System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement)).ToList();

    var totalUnits = 0;
    for (var t = 0; t < tenantCount; t++)
    {
        var p = provinces[t];
        var (id, prefix, shortName) = (p["tenant"], p["prefix"], p["short"]);
        var city = p["name"].StartsWith("Thành phố", StringComparison.Ordinal);
        var units = new List<Unit>();
        var groups = new List<Dictionary<string, string>>();
        Dictionary<string, string> Group(string code, string name, string kind) =>
            new() { ["tenant"] = id, ["group"] = code, ["groupName"] = name, ["groupKind"] = kind };

        // Communes and wards: wards first, in clusters of about twelve; unique names from two place words.
        var n = communes[t];
        var wards = (int)Math.Round((decimal)n * int.Parse(p["wards"], CultureInfo.InvariantCulture) / int.Parse(p["communes"], CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);
        var clusters = Math.Max(1, (n + 11) / 12);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var rng = new Rng($"{id}|L{i + 1}|name");
            var word = i < wards ? "Phường" : "Xã";
            string name;
            do { name = $"{word} {places[rng.NextInt(places.Count)]} {places[rng.NextInt(places.Count)]}"; }
            while (name.Split(' ')[1] == name.Split(' ')[2] || !usedNames.Add(name));
            var cluster = $"{prefix}-C{1 + i * clusters / n:00}";
            // About one in twelve communes kept its boundaries in 2025 (open start); the others start on 1/7/2025.
            var from = new Rng($"{id}|L{i + 1}|unchanged").NextUnit() < 0.08m ? "" : "2025-07-01";
            units.Add(new Unit($"{prefix}-L{i + 1:000}", name, "locality", cluster, from, "", ""));
        }
        for (var c = 1; c <= clusters && n > 0; c++)
            groups.Add(Group($"{prefix}-C{c:00}", $"Cụm thi đua số {c} ({shortName})", "cluster"));

        // Provincial agencies, in the template's blocs.
        foreach (var code in agencyOrder.Take(agencies[t]).Concat(Enumerable.Range(1, Math.Max(0, agencies[t] - agencyOrder.Length)).Select(k => $"D{15 + k:00}")))
        {
            var row = templateAgencies.FirstOrDefault(a => a["code"] == $"SL-{code}");
            var name = row is null ? $"Ban chỉ đạo chuyên đề số {code[1..]}" : Localise(row["name"], shortName, city);
            var kind = row?["kind"] ?? "department";
            var group = row is null ? "K03" : row["group"][3..];
            units.Add(new Unit($"{prefix}-{code}", name, kind, $"{prefix}-{group}", row?["validFrom"] ?? "", "", ""));
        }

        // Enterprises: three sectors in turn, fictional names.
        var usedQualifiers = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 1; e <= enterprises[t]; e++)
        {
            var (sector, bloc) = sectors[(e - 1) % sectors.Length];
            var sectorWords = words.Where(w => w["sector"] == sector).ToList();
            var word = sectorWords[new Rng($"{id}|E{e}|word").NextInt(sectorWords.Count)];
            var rng = new Rng($"{id}|E{e}|name");
            string name;
            do { name = $"{word["form"]} {word["product"]} {qualifiers[rng.NextInt(qualifiers.Count)]} {shortName}"; }
            while (!usedQualifiers.Add(name) && usedQualifiers.Count < 10_000);
            units.Add(new Unit($"{prefix}-E{e:000}", name, "enterprise", $"{prefix}-{bloc}", "", "", ""));
        }
        foreach (var g in templateGroups)
            if (units.Any(u => u.Group == $"{prefix}-{g["group"][3..]}"))
                groups.Add(Group($"{prefix}-{g["group"][3..]}", g["groupName"], "bloc"));

        Validate(id, units, groups);
        var dir = Path.Combine(outDir, "samples", id);
        Directory.CreateDirectory(dir);
        var deadline = p["reportDeadline"];
        var planNumber = 10 + new Rng($"{id}|plan").NextInt(90);
        WriteTenant(dir, new Dictionary<string, string>
        {
            ["tenant"] = id, ["name"] = p["name"], ["movementId"] = "dmst-cds-2025-2030",
            ["title"] = $"{shortName} thi đua đổi mới sáng tạo và chuyển đổi số giai đoạn 2025–2030",
            ["plan"] = $"KH {planNumber}/KH-UBND ngày {1 + new Rng($"{id}|plan-day").NextInt(28)}/{6 + new Rng($"{id}|plan-month").NextInt(3)}/2025",
            ["reportDeadline"] = deadline,
        });
        Csv.Write(Path.Combine(dir, "units.csv"), ["code", "name", "kind", "validFrom", "validTo", "successor"],
            units.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new[] { u.Code, u.Name, u.Kind, u.ValidFrom, u.ValidTo, u.Successor }));
        foreach (var year in years)
        {
            var active = units.Where(u => u.ActiveIn(year)).ToList();
            WriteGroups(Path.Combine(dir, $"groups-{year}.csv"), id, year, active, groups);
            WriteSubmissions(Path.Combine(dir, $"submissions-{year}.csv"), id, year, active, vocabulary, profiles, []);
            WriteReports(Path.Combine(dir, $"reports-{year}.csv"), id, year, active, deadline, []);
        }
        WriteHistory(Path.Combine(dir, "history.csv"), id, units, ["bang-khen-chu-tich", "giay-khen"], []);
        WriteRuleSets(Path.Combine(catalogDir, id, "dmst-cds-2025-2030"), template, id, shortName, city);
        totalUnits += units.Count;
    }

    Console.WriteLine($"national (seed {seed}): {tenantCount} tenants, {communes.Take(tenantCount).Sum()} communes, {agencies.Take(tenantCount).Sum()} agencies, "
        + $"{enterprises.Take(tenantCount).Sum()} enterprises, {totalUnits} units in {outDir}");
    return 0;

    static string Localise(string name, string shortName, bool city) =>
        !city ? name.Replace("Sơn La", shortName, StringComparison.Ordinal)
            : name.Replace("Sơn La", shortName, StringComparison.Ordinal).Replace("Tỉnh ủy", "Thành ủy", StringComparison.Ordinal)
                .Replace("Tỉnh đoàn", "Thành đoàn", StringComparison.Ordinal).Replace(" tỉnh", " thành phố", StringComparison.Ordinal);
}

// Largest-remainder shares of total in proportion to weights; ties go to the earlier row.
static int[] Share(int total, List<int> weights)
{
    var sum = weights.Sum();
    var shares = weights.Select(w => (int)((long)total * w / sum)).ToArray();
    var left = total - shares.Sum();
    foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => (long)total * weights[i] % sum).ThenBy(i => i).Take(left))
        shares[i]++;
    return shares;
}

// The template plan's rule sets that cover 2025 or 2026 (not the individuals' conditions), under the tenant's id and name.
static void WriteRuleSets(string dir, List<(string File, System.Text.Json.JsonElement Json)> template, string tenant, string shortName, bool city)
{
    Directory.CreateDirectory(dir);
    foreach (var (file, json) in template)
    {
        if (json.GetProperty("years").GetProperty("from").GetInt32() > 2026 || json.GetProperty("unitKinds").EnumerateArray().Any(k => k.GetString() == "individual"))
            continue;
        var text = File.ReadAllText(file).Replace("\"son-la.", $"\"{tenant}.", StringComparison.Ordinal)
            .Replace("\"tenant\": \"son-la\"", $"\"tenant\": \"{tenant}\"", StringComparison.Ordinal)
            .Replace("Sơn La", shortName, StringComparison.Ordinal)
            .Replace("\"$schema\": \"../../../schema/", "\"$schema\": \"../../../../schema/", StringComparison.Ordinal);
        if (city) text = text.Replace("Tỉnh ủy", "Thành ủy", StringComparison.Ordinal).Replace("UBND tỉnh", "UBND thành phố", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)), text, new UTF8Encoding(false));
    }
}

static void WriteHistory(string path, string id, List<Unit> units, string[] awards, IEnumerable<string[]> extra)
{
    var history = new List<string[]>();
    foreach (var unit in units.Where(u => u.ValidFrom.Length == 0).OrderBy(u => u.Code, StringComparer.Ordinal))
    {
        var quality = new Rng($"{id}|{unit.Code}|quality").NextUnit();
        foreach (var year in new[] { 2023, 2024 })
        {
            var s = 0.7m * quality + 0.3m * new Rng($"{id}|{unit.Code}|{year}|history").NextUnit();
            var grade = s >= 0.72m ? "xuat-sac" : s >= 0.4m ? "tot" : s >= 0.15m ? "hoan-thanh" : "khong-hoan-thanh";
            var award = grade == "xuat-sac" && s >= 0.85m ? awards[0] : grade is "xuat-sac" or "tot" && s >= 0.6m ? awards[1] : "";
            history.Add([unit.Code, year.ToString(CultureInfo.InvariantCulture), grade, award]);
        }
    }
    history.AddRange(extra);
    Csv.Write(path, ["unit", "year", "grade", "award"], history);
}

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Scoring.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository (Scoring.sln not found above the current folder).");
}

static void Validate(string tenant, List<Unit> units, List<Dictionary<string, string>> groups)
{
    var codes = units.Select(u => u.Code).ToList();
    var duplicates = codes.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
    if (duplicates.Count > 0) throw new InvalidOperationException($"{tenant}: duplicate unit codes {string.Join(", ", duplicates)}");
    var duplicateNames = units.GroupBy(u => u.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
    if (duplicateNames.Count > 0) throw new InvalidOperationException($"{tenant}: duplicate unit names {string.Join(", ", duplicateNames)}");
    foreach (var u in units)
    {
        if (u.Successor.Length > 0 && !codes.Contains(u.Successor))
            throw new InvalidOperationException($"{tenant}: unit {u.Code} names successor {u.Successor}, which does not exist");
        if (!groups.Any(g => g["tenant"] == tenant && g["group"] == u.Group))
            throw new InvalidOperationException($"{tenant}: unit {u.Code} is in group {u.Group}, which groups.csv does not define");
    }
}

static void WriteTenant(string dir, Dictionary<string, string> t)
{
    static string J(string s) => System.Text.Json.JsonSerializer.Serialize(s, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    var json = $$"""
        {
          "tenant": {{J(t["tenant"])}},
          "name": {{J(t["name"])}},
          "movement": {
            "id": {{J(t["movementId"])}},
            "title": {{J(t["title"])}},
            "plan": {{J(t["plan"])}},
            "reportDeadline": {{J(t["reportDeadline"])}},
            "timeZone": "Asia/Ho_Chi_Minh"
          }
        }

        """;
    File.WriteAllText(Path.Combine(dir, "tenant.json"), json.Replace("\r\n", "\n"), new UTF8Encoding(false));
}

static void WriteGroups(string path, string tenant, int year, List<Unit> active, List<Dictionary<string, string>> groups)
{
    var rows = new List<string[]>();
    foreach (var g in groups.Where(g => g["tenant"] == tenant))
    {
        var members = active.Where(u => u.Group == g["group"]).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (members.Count == 0) continue;
        // Heads and deputies rotate every year among members that are not being dissolved (HD 1122/BTĐKT-VI).
        var eligible = members.Where(u => u.ValidTo.Length == 0).ToList();
        var start = new Rng($"{tenant}|{g["group"]}|head").NextInt(eligible.Count);
        var head = eligible[(start + (year - 2025)) % eligible.Count];
        var deputy = eligible.Count > 1 ? eligible[(start + (year - 2025) + 1) % eligible.Count] : null;
        foreach (var m in members)
        {
            var role = m == head ? "head" : m == deputy ? "deputy" : "member";
            rows.Add([g["group"], g["groupName"], g["groupKind"], m.Code, role]);
        }
    }
    Csv.Write(path, ["group", "groupName", "groupKind", "unit", "role"], rows);
}

static void WriteSubmissions(string path, string tenant, int year, List<Unit> active,
    List<Dictionary<string, string>> vocabulary, List<Dictionary<string, string>> profiles, List<Dictionary<string, string>> overrides)
{
    var rows = new List<string[]>();
    foreach (var unit in active.OrderBy(u => u.Code, StringComparer.Ordinal))
    {
        var values = new Dictionary<string, string>();
        var numbers = new Dictionary<string, decimal>();
        // Profiles with "of" depend on another indicator: generate independent ones first.
        var applicable = new List<(Dictionary<string, string> Indicator, Dictionary<string, string>? Profile)>();
        foreach (var ind in vocabulary)
        {
            var profile = FindUnitProfile(profiles, tenant, unit.Code, ind["id"]) ?? FindProfile(profiles, tenant, ind["id"], unit.Kind);
            if (profile is null && HasProfile(profiles, ind["id"])) continue; // known indicator, not for this kind
            if (profile is null && vocabulary[0].ContainsKey("kinds") && ind["kinds"].Length > 0
                && !ind["kinds"].Split(';').Contains(unit.Kind)) continue;
            applicable.Add((ind, profile));
        }
        var added = new HashSet<string>();
        foreach (var (ind, profile) in applicable.OrderBy(a => a.Profile is not null && a.Profile["of"].Length > 0 ? 1 : 0))
        {
            var value = Generate(tenant, unit, year, ind, profile, numbers);
            if (value is not null) values[ind["id"]] = value;
            if (profile is not null && profile.ContainsKey("added")) added.Add(ind["id"]);
        }

        // Some units leave rows out (incomplete submissions); the choice is stable per unit and year.
        var incomplete = new Rng($"{tenant}|{unit.Code}|{year}|incomplete").NextUnit() < 0.07m;
        var dropped = new HashSet<string>();
        if (incomplete)
        {
            var drop = 1 + new Rng($"{tenant}|{unit.Code}|{year}|dropcount").NextInt(3);
            foreach (var k in values.Keys.Where(k => !added.Contains(k)).OrderBy(k => new Rng($"{tenant}|{unit.Code}|{year}|drop|{k}").NextUnit()).Take(drop))
                dropped.Add(k);
        }

        // Hand-made scenarios (overrides.csv): rows removed or values set for the golden groups.
        foreach (var o in overrides.Where(o => o["unit"] == unit.Code))
        {
            if (o["action"] == "drop") dropped.Add(o["value"]);
            else if (o["action"] == "set")
            {
                var (key, value) = (o["value"].Split('=')[0], o["value"].Split('=')[1]);
                values[key] = value;
                dropped.Remove(key);
            }
        }

        foreach (var ind in vocabulary)
        {
            if (!values.TryGetValue(ind["id"], out var v) || dropped.Contains(ind["id"])) continue;
            var evidence = ind["evidence"] == "true" ? Evidence(tenant, unit, year, ind["id"], v) : "";
            rows.Add([unit.Code, ind["id"], v, evidence]);
        }
    }
    Csv.Write(path, ["unit", "indicator", "value", "evidence"], rows);
}

// Year-on-year change after 2026: most units keep improving at their own pace, some stall or slip back a little
// (a draw per unit, indicator and year in [-0.4, 1.2] of the unit's yearly growth); 2026 keeps its single step.
static decimal YearStep(string tenant, Unit unit, string indicator, int year) =>
    -0.4m + 1.6m * new Rng($"{tenant}|{unit.Code}|{indicator}|{year}|step").NextUnit();

static decimal GrowthYears(string tenant, Unit unit, string indicator, int year)
{
    var steps = year > 2025 ? 1m : 0m;
    for (var later = 2027; later <= year; later++) steps += YearStep(tenant, unit, indicator, later);
    return steps;
}

static Dictionary<string, string>? FindUnitProfile(List<Dictionary<string, string>> profiles, string tenant, string unit, string indicator) =>
    profiles.FirstOrDefault(p => p.TryGetValue("unit", out var u) && u == unit && p["tenant"] == tenant && p["indicator"] == indicator);

static bool HasProfile(List<Dictionary<string, string>> profiles, string indicator) =>
    profiles.Any(p => p["indicator"] == indicator);

static Dictionary<string, string>? FindProfile(List<Dictionary<string, string>> profiles, string tenant, string indicator, string kind)
{
    bool Matches(Dictionary<string, string> p) => p["indicator"] == indicator && p["kinds"].Split(';').Contains(kind);
    return profiles.FirstOrDefault(p => p["tenant"] == tenant && Matches(p)) ?? profiles.FirstOrDefault(p => p["tenant"].Length == 0 && Matches(p));
}

static string? Generate(string tenant, Unit unit, int year, Dictionary<string, string> ind,
    Dictionary<string, string>? profile, Dictionary<string, decimal> numbers)
{
    var id = ind["id"];
    var type = ind["type"];
    var quality = new Rng($"{tenant}|{unit.Code}|quality").NextUnit();
    var draw = new Rng($"{tenant}|{unit.Code}|{id}|level").NextUnit();
    var growDraw = new Rng($"{tenant}|{unit.Code}|{id}|grow").NextUnit();
    var polarity = profile?["polarity"] ?? "+";
    var q = polarity == "-" ? 1m - quality : quality;
    var t = 0.65m * q + 0.35m * draw; // position inside the range: mostly quality, partly chance

    if (profile is null)
        return ByType(tenant, unit, year, ind, t, growDraw);

    var decimals = profile["decimals"].Length > 0 ? int.Parse(profile["decimals"], CultureInfo.InvariantCulture) : 0;
    switch (type)
    {
        case "boolean":
        {
            var p = D(profile["low"]) + (D(profile["high"]) - D(profile["low"])) * q;
            if (year > 2025) p += (polarity == "-" ? -D(profile["growLow"]) : D(profile["growLow"])) * GrowthYears(tenant, unit, id, year);
            var u = new Rng($"{tenant}|{unit.Code}|{id}|{year}|bool").NextUnit();
            return u < p ? "true" : "false";
        }
        case "date":
        {
            // A date without 2026 bounds is a one-off (the unit's plan for the whole movement): 2026 repeats 2025.
            var carry = profile["growLow"].Length == 0;
            var dateYear = carry ? 2025 : year;
            var (lo, hi) = dateYear == 2025 ? (profile["low"], profile["high"]) : (profile["growLow"], profile["growHigh"]);
            if (profile.TryGetValue("renewFrom", out var renew) && year >= int.Parse(renew, CultureInfo.InvariantCulture))
                (dateYear, lo, hi) = (int.Parse(renew, CultureInfo.InvariantCulture), profile["renewLow"], profile["renewHigh"]);
            var from = DateOnly.ParseExact($"{dateYear}-{lo}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.ParseExact($"{dateYear}-{hi}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var span = to.DayNumber - from.DayNumber;
            // Better units issue their plans earlier.
            var day = from.AddDays((int)Math.Round((1m - t) * span, MidpointRounding.AwayFromZero));
            if (unit.ValidFrom.Length > 0 && day < DateOnly.ParseExact(unit.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture))
                day = DateOnly.ParseExact(unit.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        default:
        {
            var skew = profile["skew"].Length > 0 ? int.Parse(profile["skew"], CultureInfo.InvariantCulture) : 1;
            var ts = t;
            for (var i = 1; i < skew; i++) ts *= t;
            var level = D(profile["low"]) + (D(profile["high"]) - D(profile["low"])) * ts;
            if (year > 2025)
                level += D(profile["growLow"]) + (D(profile["growHigh"]) - D(profile["growLow"])) * growDraw;
            for (var later = 2027; later <= year; later++)
                level += (D(profile["growLow"]) + (D(profile["growHigh"]) - D(profile["growLow"])) * growDraw) * YearStep(tenant, unit, id, later);
            if (profile["max"].Length > 0) level = Math.Min(level, D(profile["max"]));
            decimal value;
            if (profile["of"].Length > 0)
            {
                if (!numbers.TryGetValue(profile["of"], out var baseValue)) return null;
                value = baseValue * level;
            }
            else value = level;
            var min = ind["min"].Length > 0 ? D(ind["min"]) : 0m;
            var max = ind["max"].Length > 0 ? D(ind["max"]) : decimal.MaxValue;
            if (type == "percent") max = Math.Min(max, 100m);
            value = Math.Clamp(Math.Round(value, type == "count" ? 0 : decimals, MidpointRounding.AwayFromZero), min, max);
            numbers[id] = value;
            return Format(value);
        }
    }
}

// Indicators the profiles do not know (appended to the vocabulary later) get a plausible value by type.
static string? ByType(string tenant, Unit unit, int year, Dictionary<string, string> ind, decimal t, decimal growDraw)
{
    var grow = year > 2025 ? (0.05m + 0.10m * growDraw) * GrowthYears(tenant, unit, ind["id"], year) : 0m;
    var min = ind["min"].Length > 0 ? D(ind["min"]) : 0m;
    var max = ind["max"].Length > 0 ? D(ind["max"]) : 0m;
    switch (ind["type"])
    {
        case "boolean":
            return new Rng($"{tenant}|{unit.Code}|{ind["id"]}|{year}|bool").NextUnit() < 0.6m + 0.3m * t ? "true" : "false";
        case "date":
            return new DateOnly(year, 3, 1).AddDays((int)Math.Round((1m - t) * 120m, MidpointRounding.AwayFromZero)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        case "percent":
            return Format(Math.Min(100m, Math.Round(30m + 50m * t + 100m * grow, 2, MidpointRounding.AwayFromZero)));
        case "count":
        {
            var hi = max > 0 ? Math.Min(max, 20m) : 20m;
            return Format(Math.Round(min + (hi - min) * Math.Min(1m, t + grow), 0, MidpointRounding.AwayFromZero));
        }
        default:
        {
            var hi = max > min ? max : min + 1m;
            var v = min + (hi - min) * (0.5m + 0.4m * Math.Min(1m, t + grow));
            return Format(Math.Round(v, 4, MidpointRounding.AwayFromZero));
        }
    }
}

static string Evidence(string tenant, Unit unit, int year, string indicator, string value)
{
    var rng = new Rng($"{tenant}|{unit.Code}|{indicator}|{year}|evidence");
    var number = 10 + rng.NextInt(890);
    var issuer = unit.Kind switch
    {
        "locality" or "commune-agency" => "UBND",
        "enterprise" => "CT",
        "front" => "MTTQ",
        "party-office" => "VPTU",
        _ => "SNV",
    };
    // A plan is its own evidence; other values cite the unit's yearly report (September–October).
    if (indicator == "planIssuedOn" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
        return $"Kế hoạch số {number}/KH-{issuer} ngày {issued.Day}/{issued.Month}/{issued.Year}";
    var month = 9 + rng.NextInt(2);
    var day = 1 + rng.NextInt(28);
    return $"Báo cáo số {number}/BC-{issuer} ngày {day}/{month}/{year}";
}

static void WriteReports(string path, string tenant, int year, List<Unit> active, string deadline, List<Dictionary<string, string>> overrides)
{
    // Local (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) deadline day of that year.
    var due = DateOnly.ParseExact($"{year}-{deadline}", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var ordered = active.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    // Two units per tenant and year submit right around local midnight of the deadline day:
    // one at 23:50 local on the day itself, one at 00:20 local the next day (same UTC date as the first).
    var edge = ordered.Where(u => u.ValidTo.Length == 0)
        .OrderBy(u => new Rng($"{tenant}|{u.Code}|{year}|edge").NextUnit()).Take(2).ToList();
    var rows = new List<string[]>();
    foreach (var unit in ordered)
    {
        var forced = overrides.FirstOrDefault(o => o["unit"] == unit.Code && (o["action"] is "report" or "noreport"));
        if (forced is not null)
        {
            if (forced["action"] == "report") rows.Add([unit.Code, forced["value"]]);
            continue;
        }

        DateTime local;
        if (unit.ValidTo.Length > 0 && DateOnly.ParseExact(unit.ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture) < due)
        {
            // A unit dissolved before the deadline reports its partial year before it closes.
            var closes = DateOnly.ParseExact(unit.ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            local = closes.AddDays(-(2 + new Rng($"{tenant}|{unit.Code}|{year}|early").NextInt(8))).ToDateTime(new TimeOnly(10, 15));
        }
        else if (unit == edge[0]) local = due.ToDateTime(new TimeOnly(23, 50));
        else if (unit == edge[1]) local = due.AddDays(1).ToDateTime(new TimeOnly(0, 20));
        else
        {
            var rng = new Rng($"{tenant}|{unit.Code}|{year}|report");
            var kind = rng.NextUnit();
            if (kind < 0.02m) continue; // never sent the yearly report
            var minutes = 7 * 60 + 30 + rng.NextInt(10 * 60);
            var day = kind < 0.09m ? due.AddDays(1 + rng.NextInt(12)) : due.AddDays(-rng.NextInt(21));
            local = day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes)));
        }
        rows.Add([unit.Code, local.AddHours(-7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)]);
    }
    Csv.Write(path, ["unit", "submittedAt"], rows);
}

static decimal D(string s) => decimal.Parse(s, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

static string Format(decimal d) => d.ToString("0.############", CultureInfo.InvariantCulture);

sealed record Unit(string Code, string Name, string Kind, string Group, string ValidFrom, string ValidTo, string Successor)
{
    public bool ActiveIn(int year)
    {
        var from = ValidFrom.Length > 0 ? DateOnly.ParseExact(ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.MinValue;
        var to = ValidTo.Length > 0 ? DateOnly.ParseExact(ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.MaxValue;
        return from <= new DateOnly(year, 12, 31) && to >= new DateOnly(year, 1, 1);
    }
}

/// <summary>SplitMix64 seeded with FNV-1a 64 of a key: identical on every platform and runtime.</summary>
sealed class Rng
{
    private ulong _state;

    /// <summary>Prepended to every key: empty for the province samples (their values never change), the seed in national mode.</summary>
    public static string Salt { get; set; } = "";

    public Rng(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(Salt + key))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        _state = hash;
    }

    public ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A decimal in [0, 1) with 53 random bits.</summary>
    public decimal NextUnit() => (decimal)(Next() >> 11) / 9007199254740992m;

    public int NextInt(int bound) => (int)(Next() % (ulong)bound);
}

static class Csv
{
    public static List<Dictionary<string, string>> Read(string path, bool lastColumnTakesRest = false)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        if (records.Count == 0) return [];
        var header = records[0];
        var result = new List<Dictionary<string, string>>();
        for (var i = 1; i < records.Count; i++)
        {
            if (records[i].Count == 1 && records[i][0].Length == 0) continue;
            if (lastColumnTakesRest && records[i].Count > header.Count)
                records[i] = [.. records[i].Take(header.Count - 1), string.Join(',', records[i].Skip(header.Count - 1))];
            if (records[i].Count != header.Count)
                throw new InvalidOperationException($"{path}: record {i + 1} has {records[i].Count} fields, the header has {header.Count}");
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++) row[header[c]] = records[i][c];
            result.Add(row);
        }
        return result;
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var field = new StringBuilder();
        var record = new List<string>();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(ch);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }

    public static void Write(string path, string[] header, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(Quote))).Append('\n');
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
