// bottleneck's light build (no clustering) has the same API as its main entry, which ships the types.
declare module "bottleneck/light.js" {
  import Bottleneck from "bottleneck";
  export default Bottleneck;
}
