using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The test-only catalog upstream on a free 127.0.0.1 port, a gateway with that one GraphQL source (schema introspected;
/// a temporary schema folder holds <c>sources/catalog.graphql</c> as the fallback), and the catalog oracle. This fixture's
/// catalog has no interface or union; <see cref="CatalogItemsFixture"/>'s has them.
/// </summary>
public class CatalogFixture : IAsyncLifetime
{
    private const string ItemSdl = """
        "Anything the catalog lists."
        interface Item {
          id: ID!
          title: String!
        }
        """;

    private const string MagazineAndSearchResultSdl = """
        type Magazine implements Item {
          id: ID!
          title: String!
          issue: Int!
          genre: Genre
          featured: Item
        }

        "What a search finds."
        union SearchResult = Book | Magazine
        """;

    private const string ItemFieldsSdl = "items: [Item!]! item(id: ID!): Item search(text: String!): [SearchResult!]!";

    private readonly bool _withItems;
    private WebApplication? _catalog;
    private string? _schemaDirectory;
    private Uri? _catalogGraphQL;

    public CatalogFixture()
        : this(withItems: false)
    {
    }

    protected CatalogFixture(bool withItems)
    {
        _withItems = withItems;
    }

    /// <summary>
    /// The catalog's schema as SDL, as <see cref="CatalogSchema"/> declares it: the gateway's fallback file (the gateway
    /// introspects the same schema).
    /// </summary>
    public static string CatalogSdl(bool withItems) => $$"""
        "What a book is about."
        enum Genre {
          "Made-up stories."
          FICTION
          SCIENCE
          HISTORY
          ESSAY @deprecated(reason: "Use FICTION.")
        }

        "An ISO-8601 calendar date, e.g. \"2024-05-01\"."
        scalar Date

        "Any JSON value."
        scalar JSON

        {{(withItems ? ItemSdl : "")}}
        type Book{{(withItems ? " implements Item" : "")}} {
          id: ID!
          title: String!
          genre: Genre!
          published: Date
          rating: Float
          pages: Int
          copiesSold: Int
          inPrint: Boolean!
          tags: [String!]!
          meta: JSON
          weird: Genre
          related: [Genre!]
          shelf: Genre!
        }

        {{(withItems ? MagazineAndSearchResultSdl : "")}}
        type Query {
          book(id: ID!): Book
          books(genre: Genre, first: Int = 5): [Book!]!
          booksIn(genres: [Genre!]!): [Book!]!
          publishedAfter(date: Date!): [Book!]!
          {{(withItems ? ItemFieldsSdl : "")}}
          echo(value: JSON): JSON
        }

        """;

    public GraphBffGateway Gateway { get; private set; } = null!;

    /// <summary>What the gateway logged while starting (shows whether the catalog was introspected).</summary>
    public List<string> StartupLog { get; } = [];

    internal CatalogOracle Oracle { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _catalog = CatalogApp.Build(_withItems);
        await _catalog.StartAsync();
        var catalogGraphQL = _catalogGraphQL = new Uri(CatalogApp.GetBaseAddress(_catalog), "/graphql");

        _schemaDirectory = Directory.CreateTempSubdirectory("graphbff-catalog-").FullName;
        Directory.CreateDirectory(Path.Combine(_schemaDirectory, "sources"));
        await File.WriteAllTextAsync(Path.Combine(_schemaDirectory, "sources", "catalog.graphql"), CatalogSdl(_withItems));

        Gateway = await GraphBffGateway.CreateAsync(
            new GraphBffOptions
            {
                SchemaDirectory = _schemaDirectory,
                Sources =
                {
                    ["catalog"] = new SourceOptions { Name = "catalog", Kind = SourceKind.GraphQL, Url = catalogGraphQL.ToString() },
                },
            },
            StartupLog.Add);
        Oracle = new CatalogOracle(Gateway.PublicSdl, catalogGraphQL);
    }

    public async Task DisposeAsync()
    {
        Oracle?.Dispose();
        Gateway?.Dispose();
        if (_catalog is not null)
        {
            await _catalog.StopAsync();
            await _catalog.DisposeAsync();
        }

        if (_schemaDirectory is not null && Directory.Exists(_schemaDirectory))
        {
            Directory.Delete(_schemaDirectory, recursive: true);
        }
    }

    /// <summary>The gateway's answer: its HTTP status and the response JSON exactly as written.</summary>
    public async Task<(int Status, string Json)> RunGatewayAsync(string query, string? variablesJson, string? operationName = null)
    {
        using var variables = variablesJson is null ? null : JsonDocument.Parse(variablesJson);
        var output = new ArrayBufferWriter<byte>();
        var result = await Gateway.ExecuteAsync(
            new GatewayRequest { Query = query, OperationName = operationName, Variables = variables?.RootElement ?? default },
            RequestContext.Anonymous,
            output,
            CancellationToken.None);
        return (result.StatusCode, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    /// <summary>
    /// The catalog's own answer to a query, rewritten compactly with the gateway's string escaping (the catalog escapes
    /// e.g. <c>"</c> as <c>\u0022</c>; escaping is presentation, not data). Numbers keep their text.
    /// </summary>
    public async Task<string> RunCatalogAsync(string query)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(_catalogGraphQL, content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>The case's query to the gateway and to the oracle: the same data and the same error paths.</summary>
    internal async Task AssertMatchesOracleAsync(DifferentialCase c, ITestOutputHelper output)
    {
        var oracleTask = RunOracleAsync(c.Query, c.Variables, c.OperationName);
        var (status, gatewayJson) = await RunGatewayAsync(c.Query, c.Variables, c.OperationName);
        var oracleJson = await oracleTask;
        DifferentialComparison.AssertSame(c, status, gatewayJson, oracleJson, output);
    }

    /// <summary>The case's query to the gateway and to the catalog itself (introspection of the catalog's own types).</summary>
    internal async Task AssertMatchesCatalogAsync(DifferentialCase c, ITestOutputHelper output)
    {
        var catalogJson = await RunCatalogAsync(c.Query);
        var (status, gatewayJson) = await RunGatewayAsync(c.Query, c.Variables, c.OperationName);
        DifferentialComparison.AssertSame(c, status, gatewayJson, catalogJson, output, "catalog");
    }

    internal Task<string> RunOracleAsync(string query, string? variablesJson, string? operationName = null) =>
        Oracle.ExecuteAsync(query, variablesJson, operationName);
}
