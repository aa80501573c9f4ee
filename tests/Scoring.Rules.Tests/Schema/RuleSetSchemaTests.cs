using Newtonsoft.Json.Linq;
using Scoring.Rules.Loading;

namespace Scoring.Rules.Tests.Schema;

/// <summary>The JSON Schema editors use must declare exactly what the reader accepts.</summary>
public sealed class RuleSetSchemaTests
{
    private JObject schema = null!;

    [OneTimeSetUp]
    public void ReadSchema() => schema = JObject.Parse(File.ReadAllText(RepositoryPaths.Schema));

    private JObject Def(string name) => (JObject)schema["$defs"]![name]!;

    private static IEnumerable<string> PropertyNames(JObject node) => ((JObject)node["properties"]!).Properties().Select(p => p.Name);

    [Test]
    public void Schema_IsDraft2020_12AndStartsAtTheRuleSet()
    {
        Assert.That((string?)schema["$schema"], Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
        Assert.That((string?)schema["$ref"], Is.EqualTo("#/$defs/ruleSet"));
    }

    [Test]
    public void EveryObjectDefinition_DeclaresExactlyTheReadersProperties()
    {
        var objectDefs = ((JObject)schema["$defs"]!).Properties().Where(p => p.Value["properties"] is not null).Select(p => p.Name);

        Assert.That(objectDefs, Is.EquivalentTo(RuleSetKeys.ByDefinition.Keys));
        foreach (var (name, keys) in RuleSetKeys.ByDefinition)
        {
            Assert.That(PropertyNames(Def(name)), Is.EquivalentTo(keys), name);
            Assert.That(Def(name)["additionalProperties"]!.Value<bool>(), Is.False, name);
        }
    }

    [Test]
    public void EachMethod_AllowsExactlyTheReadersProperties()
    {
        var branches = Def("criterion")["allOf"]!.Children<JObject>().ToDictionary(
            b => (string)b["if"]!["properties"]!["method"]!["const"]!,
            b => b["then"]!["propertyNames"]!["enum"]!.Values<string>().ToList());

        Assert.That(branches.Keys, Is.EquivalentTo(RuleSetKeys.MethodKeys.Keys));
        Assert.That(Def("criterion")["properties"]!["method"]!["enum"]!.Values<string>(), Is.EquivalentTo(RuleSetKeys.MethodKeys.Keys));
        foreach (var (method, keys) in RuleSetKeys.MethodKeys)
        {
            Assert.That(branches[method], Is.EquivalentTo(RuleSetKeys.CriterionCommon.AddRange(keys)), method);
        }
    }

    [Test]
    public void UnitKinds_AreExactlyTheReadersKinds()
    {
        var unitKinds = schema.SelectToken("$..properties.unitKinds.items.enum")!.Values<string>();

        Assert.That(unitKinds, Is.EqualTo(Scoring.Rules.Model.UnitKind.All.Select(k => k.Value)));
    }

    [Test]
    public void Descriptions_AreGivenForEveryProperty()
    {
        foreach (var name in RuleSetKeys.ByDefinition.Keys)
        {
            foreach (var property in ((JObject)Def(name)["properties"]!).Properties())
            {
                var node = property.Value;
                var described = node["description"] is not null || (node["$ref"] is { } r && Def(((string)r!).Split('/')[^1])["description"] is not null);
                Assert.That(described, Is.True, $"{name}.{property.Name}");
            }
        }
    }

    [Test]
    public void ExampleFile_UsesOnlyDeclaredProperties()
    {
        var example = JObject.Parse(File.ReadAllText(RepositoryPaths.ExampleRuleSet));
        var problems = new List<string>();

        Walk(example, Resolve(schema), problems);

        Assert.That(problems, Is.Empty);
        Assert.That((string?)example["$schema"], Is.EqualTo("../../schema/rule-set.v1.schema.json"), "the example points editors at the schema");
    }

    [Test]
    public void Walker_FindsAnUndeclaredProperty()
    {
        var text = RuleSetText.Edit(r => r["sections"]![0]!["criteria"]![0]!["bands"]![0]!["atleast"] = 1);
        var problems = new List<string>();

        Walk(JObject.Parse(text), Resolve(schema), problems);

        Assert.That(problems, Is.EqualTo(new[] { "sections[0].criteria[0].bands[0].atleast" }));
    }

    private JObject Resolve(JObject node) =>
        node["$ref"] is { } r ? Resolve(Def(((string)r!).Split('/')[^1])) : node;

    // Follows properties, items and $ref; checks criteria against their method's allowed names.
    private void Walk(JToken instance, JObject node, List<string> problems)
    {
        node = Resolve(node);
        if (instance is JArray array && node["items"] is JObject items)
        {
            foreach (var item in array)
            {
                Walk(item, items, problems);
            }
            return;
        }
        if (instance is not JObject obj || node["properties"] is not JObject properties)
        {
            return;
        }
        var allowed = properties.Properties().Select(p => p.Name).ToHashSet();
        if (obj["method"] is JValue { Value: string method } && node["allOf"] is JArray branches)
        {
            var branch = branches.Children<JObject>().FirstOrDefault(b => (string?)b["if"]!["properties"]!["method"]!["const"] == method);
            if (branch is not null)
            {
                allowed.IntersectWith(branch["then"]!["propertyNames"]!["enum"]!.Values<string>().OfType<string>());
            }
        }
        foreach (var property in obj.Properties())
        {
            if (!allowed.Contains(property.Name))
            {
                problems.Add(property.Value.Path);
                continue;
            }
            Walk(property.Value, (JObject)properties[property.Name]!, problems);
        }
    }
}
