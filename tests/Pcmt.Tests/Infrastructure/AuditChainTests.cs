using Pcmt.Infrastructure.Auditing;

namespace Pcmt.Tests.Infrastructure;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int length)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.GenesisHash;
        for (var i = 1; i <= length; i++)
        {
            var entry = new AuditEntry
            {
                Sequence = i,
                At = AuditChain.Truncate(new DateTime(2026, 8, 3, 3, 0, i, DateTimeKind.Utc).AddTicks(1234567)),
                UserName = "cb.xa",
                Action = AuditActions.Update,
                EntityType = "CommunePopulation",
                EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Detail = "Residents",
                PreviousHash = previous,
            };
            entry.Hash = previous = AuditChain.ComputeHash(entry);
            entries.Add(entry);
        }

        return entries;
    }

    [Fact]
    public void An_untouched_chain_verifies() => Assert.Null(AuditChain.Verify(Chain(5)));

    [Fact]
    public void An_empty_chain_verifies() => Assert.Null(AuditChain.Verify([]));

    [Fact]
    public void Editing_any_field_breaks_the_chain_at_that_entry()
    {
        var entries = Chain(5);
        entries[2].UserName = "someone-else";
        Assert.Equal(3, AuditChain.Verify(entries)!.Sequence);
    }

    [Fact]
    public void Editing_a_row_and_its_hash_still_breaks_the_next_link()
    {
        var entries = Chain(5);
        entries[1].Detail = "forged";
        entries[1].Hash = AuditChain.ComputeHash(entries[1]);
        Assert.Equal(3, AuditChain.Verify(entries)!.Sequence);
    }

    [Fact]
    public void Removing_an_entry_is_detected()
    {
        var entries = Chain(5);
        entries.RemoveAt(3);
        Assert.Equal(4, AuditChain.Verify(entries)!.Sequence);
    }

    [Fact]
    public void Truncation_keeps_microseconds_so_the_hash_survives_a_postgres_round_trip()
    {
        var at = new DateTime(2026, 8, 3, 3, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        var truncated = AuditChain.Truncate(at);
        Assert.Equal(0, truncated.Ticks % 10);
        Assert.Equal(at.Ticks / 10, truncated.Ticks / 10);
        Assert.Equal(DateTimeKind.Utc, truncated.Kind);
    }
}
