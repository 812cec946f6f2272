using System.Text.Json.Nodes;
using Json.Schema;

namespace Pcmt.Tests.Security;

/// <summary>
/// Issue 18, item 7: /openapi/v1.json describes every operation with its own request schema, a unique operationId and a
/// Vietnamese summary; request bodies the tests really send validate against their operation's schema (JsonSchema.Net).
/// </summary>
[Collection(nameof(AppCollection))]
public sealed class OpenApiDocumentTests(App app)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonObject> DocumentAsync() =>
        (JsonObject)JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Cancel))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(o => Methods.Contains(o.Key))
            .Select(o => (path.Key, o.Key, o.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_a_vietnamese_summary()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 60, $"{operations.Count} operations");
        var missing = operations.Where(o => string.IsNullOrWhiteSpace((string?)o.Operation["operationId"])).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.Empty(missing);
        var duplicates = operations.GroupBy(o => (string)o.Operation["operationId"]!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var unsummarised = operations.Where(o => (string?)o.Operation["summary"] is not { Length: > 0 } summary || summary.All(char.IsAscii)).Select(o => $"{o.Method} {o.Path}").ToList();
        Assert.Empty(unsummarised);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["description"])));
        Assert.Equal("postPersonsByIdDrugTests", (string?)PathItem(document, "/api/v1/persons/{id}/drug-tests")["post"]!["operationId"]);
    }

    [Fact]
    public async Task Request_bodies_point_at_their_own_schemas_not_at_one_shared_input()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        Assert.DoesNotContain("Input", schemas.Select(s => s.Key));
        var references = Operations(document)
            .Select(o => (Path: o.Path.TrimEnd('/'), o.Method, Ref: (string?)o.Operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]))
            .Where(o => o.Ref is not null)
            .ToList();
        Assert.Equal("#/components/schemas/IssueToken.Input", references.Single(r => r.Path == "/api/v1/auth/token").Ref);
        Assert.Equal("#/components/schemas/RegisterPerson.Input", references.Single(r => r.Path == "/api/v1/persons" && r.Method == "post").Ref);
        Assert.Equal("#/components/schemas/UpdatePerson.Input", references.Single(r => r.Path == "/api/v1/persons/{id}" && r.Method == "put").Ref);
        Assert.Contains("fullName", schemas["RegisterPerson.Input"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("fullName", schemas["IssueToken.Input"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    public static TheoryData<string, string, string> SentBodies => new()
    {
        // Bodies as the tests of each feature send them (PersonsApiTests, PopulationTests, TokenTests, UsersApiTests, …).
        { "post", "/api/v1/auth/token", """{"userName":"admin","password":"Admin-Test-2026","otp":null}""" },
        { "post", "/api/v1/persons", """{"fullName":"Nguyễn Văn Hùng","aliases":[],"dateOfBirth":"1990-05-12","sex":"male","citizenId":"019090123456","residenceCommuneCode":"05443","address":"Tổ 5","substances":["methamphetamine"]}""" },
        { "put", "/api/v1/admin-units/{code}/population/{year}", """{"residents":10000}""" },
        { "post", "/api/v1/users", """{"userName":"can.bo.xa","password":"Cán-bộ-Test-2026","fullName":"Cán bộ xã","role":"commune-police","scope":"05443"}""" },
        { "post", "/api/v1/persons/{id}/merge", """{"duplicateId":"0190a2b4-0000-7000-8000-000000000001"}""" },
        { "post", "/api/v1/persons/{id}/transfers", """{"toCommuneCode":"01840","reason":"Chuyển nơi ở"}""" },
        { "post", "/api/v1/facilities", """{"kind":"public-rehab","name":"Cơ sở cai nghiện số 9","provinceCode":"19","communeCode":"05443","address":"Tổ 1","capacity":200,"licence":null,"active":true,"version":null}""" },
    };

    [Theory]
    [MemberData(nameof(SentBodies))]
    public async Task A_body_the_tests_send_validates_against_its_operations_schema(string method, string path, string body)
    {
        var schema = BodySchema(await DocumentAsync(), path, method);
        var result = schema.Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", result.Details.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public async Task The_schemas_carry_the_endpoints_limits()
    {
        var document = await DocumentAsync();
        var register = BodySchema(document, "/api/v1/persons", "post");
        var tooLong = JsonNode.Parse("""{"fullName":"x","aliases":[],"dateOfBirth":"1990-05-12","sex":"male","residenceCommuneCode":"05443","substances":[]}""")!;
        tooLong["fullName"] = new string('x', 100_000);
        Assert.False(register.Evaluate(tooLong).IsValid);
        var token = BodySchema(document, "/api/v1/auth/token", "post");
        Assert.False(token.Evaluate(JsonNode.Parse("""{"userName":42}""")).IsValid);
    }

    /// <summary>A path of the document, with or without the trailing slash a group's "/" route gives it.</summary>
    private static JsonObject PathItem(JsonObject document, string path) =>
        document["paths"]!.AsObject().Single(p => p.Key.TrimEnd('/') == path.TrimEnd('/')).Value!.AsObject();

    /// <summary>The operation's body schema as a JSON Schema 2020-12 document, the components moved under $defs.</summary>
    private static JsonSchema BodySchema(JsonObject document, string path, string method)
    {
        var body = PathItem(document, path)[method]!["requestBody"]!["content"]!["application/json"]!["schema"]!.DeepClone();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(body),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }
}
