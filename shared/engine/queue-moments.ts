/** A state of the sign-off queue: mean and variance of the changes in the system (waiting or in review). */
export interface QueueMoments {
  mean: number;
  variance: number;
}
