using DbtTfProvider.Framework.Schema;
using DbtTfProvider.Plugin.Cty;

namespace DbtTfProvider.Framework.Planning;

/// <summary>Rewrites one attribute's planned value, given its configured and prior values at the same place.</summary>
internal delegate CtyValue AttributeStep(SchemaAttribute attribute, CtyPath path, CtyValue planned, CtyValue config, CtyValue prior);
