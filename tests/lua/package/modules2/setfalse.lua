-- stores false in package.loaded and returns nothing
package.loaded[...] = false
return nil
