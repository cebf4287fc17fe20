// The photos domain (随手拍): fetch, check, store once (GridFS), wait for the sender, attach to opinions.
export { type Photos, type PhotoView, createPhotos } from './photos';
export { type PhotoRef, type PhotoRefusal, PhotoRefused, type PhotoSource } from './source';
export { sniffImage } from './inspect';
