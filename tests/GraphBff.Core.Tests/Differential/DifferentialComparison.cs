using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace GraphBff.Core.Tests.Differential;

/// <summary>
/// The comparison of the differential tests: the oracle's answer must have the case's expected shape, then the gateway's
/// <c>data</c> must be byte-identical to the oracle's (both compact) and the sets of error paths equal; messages may differ.
/// </summary>
internal static class DifferentialComparison
{
    public static void AssertSame(DifferentialCase c, int gatewayStatus, string gatewayJson, string oracleJson, ITestOutputHelper output, string reference = "oracle")
    {
        output.WriteLine("query:     " + c.Query);
        output.WriteLine("variables: " + (c.Variables ?? "(none)"));
        output.WriteLine($"gateway ({gatewayStatus}): " + gatewayJson);
        output.WriteLine(reference + ": " + oracleJson);

        var (oracleData, oraclePaths) = Summarize(oracleJson);
        var (gatewayData, gatewayPaths) = Summarize(gatewayJson);
        switch (c.Expect)
        {
            case OracleExpectation.Data:
                Assert.True(oracleData is not null && oracleData != "null" && oraclePaths.Count == 0, reference + " did not answer with data only: " + oracleJson);
                break;
            case OracleExpectation.FieldErrors:
                Assert.True(oracleData is not null && oraclePaths.Count > 0, reference + " did not answer with data and field errors: " + oracleJson);
                break;
            case OracleExpectation.RequestErrors:
                Assert.True(oracleData is null && oraclePaths.Count > 0, reference + " did not answer with request errors only: " + oracleJson);
                break;
        }

        var problems = new StringBuilder();
        if (!string.Equals(gatewayData, oracleData, StringComparison.Ordinal))
        {
            problems.AppendLine("data differs:")
                .AppendLine($"  expected ({reference}): " + (oracleData ?? "(no data member)"))
                .AppendLine("  actual (gateway):  " + (gatewayData ?? "(no data member)"));
        }

        if (!gatewayPaths.SequenceEqual(oraclePaths, StringComparer.Ordinal))
        {
            problems.AppendLine("error paths differ:")
                .AppendLine($"  expected ({reference}): " + string.Join(" ", oraclePaths))
                .AppendLine("  actual (gateway):  " + string.Join(" ", gatewayPaths));
        }

        if (problems.Length > 0)
        {
            Assert.Fail($"{c.Name}\nquery: {c.Query}\nvariables: {c.Variables ?? "(none)"}\n{problems}gateway response ({gatewayStatus}): {gatewayJson}\n{reference} response: {oracleJson}");
        }
    }

    /// <summary>The raw <c>data</c> text (null when absent) and the set of error paths, sorted ("(no path)" for none).</summary>
    private static (string? Data, List<string> ErrorPaths) Summarize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) ? d.GetRawText() : null;
        var paths = new List<string>();
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                paths.Add(error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array
                    ? "[" + string.Join(",", path.EnumerateArray().Select(static s => s.GetRawText())) + "]"
                    : "(no path)");
            }
        }

        return (data, [.. paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
