using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>Rewrites a nested block's whole value (after its contents were walked).</summary>
internal delegate CtyValue BlockStep(SchemaNestedBlock block, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior);
