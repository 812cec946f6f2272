namespace Pcmt.Tests.Infrastructure;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData(3, 500, 3, 500)]
    [InlineData(1, 1, 1, 1)]
    public void Accepts_the_contract_range(int? page, int? pageSize, int expectedPage, int expectedSize)
    {
        var paging = Paging.From(page, pageSize);
        Assert.True(paging.Succeeded);
        Assert.Equal(new Paging(expectedPage, expectedSize), paging.Value);
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(null, 501, "pageSize")]
    [InlineData(null, 0, "pageSize")]
    public void Refuses_values_outside_the_contract_with_a_vietnamese_message(int? page, int? pageSize, string field)
    {
        var invalid = Assert.IsType<Failure.Invalid>(Paging.From(page, pageSize).Failure);
        Assert.Contains(field, invalid.Errors.Keys);
        Assert.Contains("trang", invalid.Errors[field][0], StringComparison.Ordinal);
    }
}
