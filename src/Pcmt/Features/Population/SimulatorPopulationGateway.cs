using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Pcmt.Features.Population;

/// <summary>
/// Bộ mô phỏng CSDL dân cư: answers from a file of test citizens (the shipped <c>simulator-citizens.json</c>, or
/// <c>Population:SimulatorFile</c>), for the demo, the tests and training. A citizen marked <c>unavailable</c> simulates an outage.
/// </summary>
public sealed class SimulatorPopulationGateway(IOptions<PopulationOptions> options) : IPopulationGateway
{
    private sealed record Entry(string CitizenId, string FullName, string DateOfBirth, string Sex, bool Unavailable);

    private readonly Lazy<Dictionary<string, Entry>> _citizens = new(() => Load(options.Value.SimulatorFile));

    public Task<GatewayAnswer> LookupAsync(string citizenId, CancellationToken cancellationToken) =>
        Task.FromResult<GatewayAnswer>(_citizens.Value.TryGetValue(citizenId, out var entry)
            ? entry.Unavailable ? new GatewayAnswer.Unavailable("simulated outage") : new GatewayAnswer.Found(new NationalCitizen(entry.CitizenId, entry.FullName, entry.DateOfBirth, entry.Sex))
            : new GatewayAnswer.NotFound());

    private static Dictionary<string, Entry> Load(string? path)
    {
        using var stream = path is { Length: > 0 }
            ? File.OpenRead(path)
            : Assembly.GetExecutingAssembly().GetManifestResourceStream("Pcmt.Features.Population.simulator-citizens.json")
              ?? throw new InvalidOperationException("The simulator's citizen file is not embedded.");
        var entries = JsonSerializer.Deserialize<List<Entry>>(stream, JsonSerializerOptions.Web) ?? [];
        return entries.ToDictionary(e => e.CitizenId);
    }
}
