/** Engine model version; bump on any change to the model's numbers (forecast caches key on it). */
export const ENGINE_VERSION = '2.7.3';
