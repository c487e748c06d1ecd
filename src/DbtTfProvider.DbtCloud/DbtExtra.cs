namespace DbtTfProvider.DbtCloud;

public sealed class DbtExtra
{
    public DbtPagination? Pagination { get; set; }
}
