namespace DbtTfProvider.DbtCloud;

public sealed class DbtPagination
{
    public int Count { get; set; }
    public int TotalCount { get; set; }
}
