/** Types of bench/support/second-cluster.js, which the server's tests import. */
export interface SecondCluster {
  port: number;
  /** The cluster's `postgres` database as the superuser `postgres`. */
  url: string;
  dataDir: string;
  /** Stops the cluster and removes its data directory. */
  stop(): Promise<void>;
}
export declare function startSecondCluster(): Promise<SecondCluster>;
