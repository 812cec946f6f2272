using System.Net;
using System.Text.Json.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Pcmt.Features.Population;

/// <summary>
/// Bộ chuyển đổi cổng kết nối CSDL quốc gia về dân cư: the only class that knows the gateway's message shape. The real shape is
/// not public; the one assumed here is documented in docs/population-gateway.md (change it here when the agency publishes its own).
/// Retries, backoff, the circuit breaker and the timeouts come from Microsoft.Extensions.Http.Resilience (see PopulationFeature).
/// The citizen ID travels in the request body, never in the URL, so no HTTP log line carries personal data; this class logs
/// only the outcome kind.
/// </summary>
public sealed class HttpPopulationGateway(HttpClient client, ILogger<HttpPopulationGateway> logger) : IPopulationGateway
{
    /// <summary>Assumed request: <c>POST {BaseAddress}/cong-dan/tra-cuu</c>.</summary>
    public const string LookupPath = "cong-dan/tra-cuu";

    /// <summary>Assumed request body.</summary>
    public sealed record LookupRequest([property: JsonPropertyName("soDinhDanh")] string CitizenId);

    /// <summary>Assumed answer: 200 with the citizen, or 404 when the number is unknown.</summary>
    public sealed record LookupResponse(
        [property: JsonPropertyName("soDinhDanh")] string? CitizenId,
        [property: JsonPropertyName("hoVaTen")] string? FullName,
        [property: JsonPropertyName("ngaySinh")] string? DateOfBirth,
        [property: JsonPropertyName("gioiTinh")] string? Sex);

    public async Task<GatewayAnswer> LookupAsync(string citizenId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(LookupPath, new LookupRequest(citizenId), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
                return new GatewayAnswer.NotFound();
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Population gateway answered {Status}", (int)response.StatusCode);
                return new GatewayAnswer.Unavailable("http " + (int)response.StatusCode);
            }

            var body = await response.Content.ReadFromJsonAsync<LookupResponse>(cancellationToken);
            if (body is null || string.IsNullOrWhiteSpace(body.FullName) || string.IsNullOrWhiteSpace(body.DateOfBirth))
            {
                logger.LogWarning("Population gateway answer could not be read");
                return new GatewayAnswer.Unavailable("unreadable answer");
            }

            return new GatewayAnswer.Found(new NationalCitizen(body.CitizenId ?? citizenId, body.FullName, body.DateOfBirth, SexOf(body.Sex)));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException or System.Text.Json.JsonException)
        {
            // The exception's type only: its message may quote the request.
            logger.LogWarning("Population gateway unavailable: {Kind}", exception.GetType().Name);
            return new GatewayAnswer.Unavailable(exception.GetType().Name);
        }
    }

    /// <summary>The gateway's sex values ("nam"/"nữ", or "male"/"female", or 1/2) to PCMT's.</summary>
    private static string SexOf(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "nữ" or "nu" or "female" or "2" or "f" => "female",
        "nam" or "male" or "1" or "m" => "male",
        _ => "", // unknown: not compared
    };
}
